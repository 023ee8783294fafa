package io.loyaltyhub.api.http;

@FunctionalInterface
public interface ApiHandler {
    /** Throw {@link ApiProblem} for a client error; anything else becomes a 500 problem. */
    ApiResponse handle(ApiRequest request) throws Exception;
}
