package io.loyaltyhub.api.http;

public enum HttpMethod { GET, POST, PUT, PATCH, DELETE }
