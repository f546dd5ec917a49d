package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets random input units to 0 while training, Keras {@code Dropout(rate)}.
 *
 * <p>No parameters; the output has the input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Dropout {
  /** {@return fraction of the input units to drop, from 0 to 1 inclusive, as Keras accepts} */
  double rate();
}
