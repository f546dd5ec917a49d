package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Permute(dims)}: reorders the axes.
 *
 * <p>No parameters. {@code dims} is a permutation of {@code 1..rank} (the batch axis is 0 and stays):
 * {@code Permute({2, 1})} swaps time and features.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Permute {
  /** {@return the new order of the axes, from 1} */
  int[] dims();
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
