package io.loyaltyhub.api.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type name of a {@link DomainEvent} record ({@code <plugin>.<what-happened>}) and the version of its shape.
 * A new field is compatible (older listeners ignore it, older rows lack it); renaming or removing one is a new
 * version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();

    int version() default 1;
}
