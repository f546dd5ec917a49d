package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code UpSampling1D(size)}: repeats each time step.
 *
 * <p>No parameters. {@code (None, T, f)} gives {@code (None, T * size, f)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface UpSampling1d {
  /** {@return how many times each step is repeated} Must be positive. */
  int size() default 2;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
