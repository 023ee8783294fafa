/**
 * REST routes a plugin adds under {@code /api/v1/<area>/}. Routes are declared as data (method,
 * path, required scope, summary, types) so the host enforces access, writes the OpenAPI document
 * and turns errors into RFC 9457 problem documents the same way for every plugin.
 */
package io.loyaltyhub.api.http;
