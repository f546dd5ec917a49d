package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Lambda(function, output_shape)}: a function without weights.
 *
 * <p>No parameters (Keras tracks no weights in a Lambda). paramcheck cannot run the function, so
 * its output shape is declared; empty means the input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Lambda {
  /** {@return the function's output shape without the batch axis ({@code -1} for unknown); the input's when empty} */
  int[] outputShape() default {};
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
