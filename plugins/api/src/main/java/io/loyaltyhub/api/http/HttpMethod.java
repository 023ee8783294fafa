package io.loyaltyhub.api.http;

public enum HttpMethod { GET, HEAD, POST, PUT, PATCH, DELETE }
