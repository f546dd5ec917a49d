package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected recurrent layer, Keras {@code SimpleRNN(units)}.
 *
 * <p>Parameters: input weights {@code features * units}, recurrent weights {@code units * units}
 * and, with {@link #useBias()}, one bias per unit. {@code @SimpleRnn(units = 10, features = 1)}
 * has 120 parameters, as {@code SimpleRNN(10)} on one feature has in Keras.
 *
 * <p>Put it on the class for a one-layer model, or on fields, which form a sequential model in
 * declaration order. It needs an input with a time axis.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface SimpleRnn {
  /** {@return the number of units, the size of the layer's output features} Must be positive. */
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
   * {@return whether the output keeps the time axis, as Keras {@code return_sequences}} A
   * recurrent layer stacked on this one needs {@code true} here.
   */
  boolean returnSequences() default false;

  /**
   * {@return whether the layer also returns its final states, Keras {@code return_state}} In a
   * functional model the field then has several outputs: the output, then {@code h} (and {@code c}
   * for an LSTM), each of {@code units}; other fields take them as {@code "field[1]"}, {@code
   * "field[2]"}.
   */
  boolean returnState() default false;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (a pretrained layer): its weights count as non-trainable.
   */
  boolean trainable() default true;
}
