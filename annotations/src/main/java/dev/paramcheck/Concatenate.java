package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Concatenate(axis)}: joins its inputs along one axis.
 *
 * <p>No parameters. Takes the tensors named by {@link From}; all must have the same rank and the
 * same sizes except on {@link #axis()}, whose sizes add up.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Concatenate {
  /** {@return the axis to join on, counted without the batch axis from 1, or from the end when negative} */
  int axis() default -1;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
