package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A densely connected layer, Keras {@code Dense(units)}.
 *
 * <p>Parameters: weights {@code features * units} and, with {@link #useBias()}, one bias per
 * unit. Applied to a sequence it works on the last axis and keeps the time axis, as in Keras; as
 * the first layer it takes a plain vector of {@code features}, or a sequence when {@code timesteps}
 * is written too. {@code Dense(10)} on 128 features has {@code 128 * 10 + 10 = 1,290}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Dense {
  /** {@return the number of units, the size of the layer's output} Must be positive. */
  int units();

  /**
   * {@return the size of the input's last axis} Required on the first layer; on a later layer it
   * is inferred from the previous layer's output, and a value written there is checked against it.
   * The default, {@code -1}, means "not written".
   */
  int features() default -1;

  /**
   * {@return length of the input's time axis} On the first layer it declares the model's input,
   * {@code Input(shape=(timesteps, features))}, so that output lengths (and compute costs) are
   * known; on a later layer a value written is checked against the length the layers before
   * produce. The default, {@code -1}, means "not written" (length unknown, {@code None}).
   */
  int timesteps() default -1;

  /** {@return whether the layer has a bias vector, as Keras {@code use_bias}} */
  boolean useBias() default true;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (a pretrained layer): its weights count as non-trainable.
   */
  boolean trainable() default true;
}
