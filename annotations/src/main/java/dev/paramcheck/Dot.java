package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Dot(axes, normalize)}: the dot product of two inputs along the given axes.
 *
 * <p>No parameters. Takes exactly two tensors ({@link From}); the sizes on the two axes must be
 * equal. {@code Dot(axes = 1)} on two {@code (None, 8)} vectors gives {@code (None, 1)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Dot {
  /** {@return one axis for both inputs, or one axis per input (counted as Keras counts, with the batch axis as 0)} */
  int[] axes();

  /** {@return whether to L2-normalize the inputs first (cosine similarity), Keras {@code normalize}} */
  boolean normalize() default false;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
