package io.loyaltyhub.api.chat;

public enum Direction { IN, OUT }
