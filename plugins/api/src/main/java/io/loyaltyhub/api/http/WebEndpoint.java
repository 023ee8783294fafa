package io.loyaltyhub.api.http;

import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Public routes outside {@code /api/v1}, such as the referral redirect {@code /r/{code}}: each
 * route's path is absolute and its scope must be {@link ApiRoute#PUBLIC}. Answers are usually
 * redirects ({@link ApiResponse#redirect}). Paths under {@code /api}, {@code /webhooks},
 * {@code /health}, {@code /metrics} and {@code /openapi} are refused.
 */
public interface WebEndpoint extends ExtensionPoint {

    List<ApiRoute> routes();
}
