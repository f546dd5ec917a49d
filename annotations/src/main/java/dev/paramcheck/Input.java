package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model input, Keras {@code keras.Input(shape, dtype)}: the first node of a functional model.
 *
 * <p>No parameters. Its shape is {@link #shape()} (without the batch axis, {@code -1} for an
 * unknown length), or the shorthand {@link #features()} with an optional {@link #timesteps()}:
 * {@code @Input(features = 8)} is {@code keras.Input(shape=(None, 8))}. A model with an input is a
 * functional model: its table has the {@code InputLayer} rows, as Keras prints them, and its
 * layers may take other fields' outputs with {@link From}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Input {
  /**
   * {@return the size of the last axis of a sequence input} The default, {@code -1}, means "not
   * written"; write either this or {@link #shape()}.
   */
  int features() default -1;

  /**
   * {@return the length of the time axis, with {@link #features()}} The default, {@code -1}, means an
   * unknown length ({@code None}).
   */
  int timesteps() default -1;

  /**
   * {@return the input's shape without the batch axis} Any rank: {@code {50, 200, 1}} for an image,
   * {@code {-1}} for token ids of any length, {@code {1}} for one string; {@code -1} is an unknown
   * size.
   */
  int[] shape() default {};

  /** {@return the input's dtype, as Keras names it: {@code float32}, {@code int32}, {@code string}} */
  String dtype() default "float32";
}
