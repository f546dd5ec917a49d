package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution over an image {@code (height, width, channels)}, Keras {@code Conv2D(filters,
 * kernel_size, strides, padding, use_bias)}.
 *
 * <p>Parameters: {@code kh * kw * channels * filters} and, with {@link #useBias()}, one bias per
 * filter: a 3x3 {@code Conv2D(32)} on one channel has 320.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Conv2d {
  /** {@return the number of filters, the output's channels} Must be positive. */
  int filters();

  /** {@return the kernel's height and width; one value for both} */
  int[] kernelSize();

  /** {@return the strides along height and width; one value for both} */
  int[] strides() default {1, 1};

  /** {@return {@code VALID} (no padding) or {@code SAME} (output size {@code ceil(size / stride)})} */
  Padding padding() default Padding.VALID;

  /** {@return whether the layer has a bias vector, as Keras {@code use_bias}} */
  boolean useBias() default true;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
