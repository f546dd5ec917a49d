package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 1D convolution over the time axis, Keras {@code Conv1D(filters, kernel_size)}.
 *
 * <p>Parameters: a kernel {@code kernelSize * (features / groups) * filters} and, with {@link
 * #useBias()}, one bias per filter. {@code Conv1D(16, 5)} on 8 features has {@code 5 * 8 * 16 +
 * 16 = 656}. It needs an input with a time axis; the output length is {@code (L - dilationRate *
 * (kernelSize - 1) - 1) / strides + 1} with {@link Padding#VALID} and {@code (L - 1) / strides +
 * 1} with {@link Padding#SAME} or {@link Padding#CAUSAL} (100 steps give 96 with VALID above).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Conv1d {
  /**
   * {@return number of filters, the output's features} Must be positive and divisible by {@link
   * #groups()}.
   */
  int filters();

  /** {@return length of the convolution window} Must be positive. */
  int kernelSize();

  /**
   * {@return step between windows} Must be positive; Keras refuses more than 1 with a dilation over
   * 1.
   */
  int strides() default 1;

  /** {@return how the ends of the sequence are padded, as Keras {@code padding}} */
  Padding padding() default Padding.VALID;

  /**
   * {@return spacing between the kernel's taps, as Keras {@code dilation_rate}} Must be positive.
   */
  int dilationRate() default 1;

  /**
   * {@return number of groups the input features are split into, each convolved separately, as
   * Keras {@code groups}} Must divide both the input's features and {@link #filters()}.
   */
  int groups() default 1;

  /** {@return whether the layer has a bias vector, as Keras {@code use_bias}} */
  boolean useBias() default true;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (a pretrained layer): its weights count as non-trainable.
   */
  boolean trainable() default true;

  /**
   * {@return size of the input's last axis} On the first layer it declares the model's input; on a
   * later layer it is inferred from the previous layer's output, and a value written there is
   * checked against it. The default, {@code -1}, means "not written".
   */
  int features() default -1;

  /**
   * {@return length of the input's time axis} On the first layer it declares the model's input,
   * {@code Input(shape=(timesteps, features))}, so that output lengths (and compute costs) are
   * known; on a later layer a value written is checked against the length the layers before
   * produce. The default, {@code -1}, means "not written" (length unknown, {@code None}).
   */
  int timesteps() default -1;
}
