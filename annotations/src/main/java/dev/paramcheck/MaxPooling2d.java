package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code MaxPooling2D(pool_size, strides, padding)}: the maximum of each window of an image.
 *
 * <p>No parameters. Strides default to the pool size, as in Keras.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface MaxPooling2d {
  /** {@return the window's height and width; one value for both} */
  int[] poolSize() default {2, 2};

  /** {@return the strides along height and width; empty means the pool size} */
  int[] strides() default {};

  /** {@return {@code VALID} (whole windows only) or {@code SAME} (output size {@code ceil(size / stride)})} */
  Padding padding() default Padding.VALID;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
