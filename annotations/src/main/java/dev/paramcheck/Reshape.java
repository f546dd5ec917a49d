package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Reshape(target_shape)}: the same elements in another shape.
 *
 * <p>No parameters. One size may be {@code -1}, computed from the input; the element counts must be
 * equal, as Keras checks them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Reshape {
  /** {@return the output shape without the batch axis; at most one {@code -1}} */
  int[] targetShape();
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
