package io.loyaltyhub.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a request record that must be present (not null): {@code /openapi} lists it under
 * {@code required}. The handler still refuses a missing one with a 422 naming it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {
}
