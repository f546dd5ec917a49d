package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens the input into a vector, Keras {@code Flatten()}.
 *
 * <p>No parameters. {@code (None, 10, 64)} gives {@code (None, 640)}, so a sequence needs a known
 * length ({@code timesteps} on the first layer); a plain vector passes through unchanged, as in
 * Keras 3.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Flatten {
}
