package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gated recurrent unit layer, Keras {@code GRU(units)}.
 *
 * <p>Three gates, each with input weights {@code features * units}, recurrent weights
 * {@code units * units} and, with {@link #useBias()}, biases. How many bias vectors depends on
 * {@link #resetAfter()}: this is the most common reason two tools disagree on a GRU's count.
 *
 * <p>Put it on the class for a one-layer model, or on fields, which form a sequential model in
 * declaration order. It needs an input with a time axis. Combine with {@link Bidirectional}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Gru {
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

  /** {@return whether the layer has bias vectors, as Keras {@code use_bias}} */
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
   * {@return whether the reset gate is applied after the recurrent matrix, Keras
   * {@code reset_after}} {@code true} (the default in Keras 2.3+, Keras 3 and the cuDNN
   * layout; PyTorch's {@code nn.GRU} counts the same way) keeps two bias vectors,
   * {@code 2 * 3 * units}. {@code false} is the older
   * layout (TensorFlow.js, Keras before 2.3) with one, {@code 3 * units}. {@code GRU(256)} on 64
   * features has 247,296 parameters with {@code true} and 246,528 with {@code false}.
   */
  boolean resetAfter() default true;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (a pretrained layer): its weights count as non-trainable.
   */
  boolean trainable() default true;
}
