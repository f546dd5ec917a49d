package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code ZeroPadding1D(padding)}: zeros added at the start and end of the time axis.
 *
 * <p>No parameters. {@code (None, T, f)} gives {@code (None, T + left + right, f)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface ZeroPadding1d {
  /** {@return the zeros added: one value for both ends, or {@code {left, right}}} */
  int[] padding() default {1};
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
