package io.loyaltyhub.ui.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope ({@code area:action}) an actor needs to open a view, checked with
 * {@link io.loyaltyhub.api.platform.Actor#may(String)} before the view is created.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiredScope {
    String value();
}
