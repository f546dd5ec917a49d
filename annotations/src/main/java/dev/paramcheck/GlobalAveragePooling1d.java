package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The average over the whole time axis, Keras {@code GlobalAveragePooling1D()}.
 *
 * <p>No parameters. It needs an input with a time axis and removes it: {@code (None, 100, 64)}
 * gives {@code (None, 64)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface GlobalAveragePooling1d {
}
