package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a layer takes its inputs from in a functional model: the fields whose outputs it is
 * called on, in the order of the Keras call.
 *
 * <p>{@code @From({"left", "right"}) @Concatenate Object merged;} is {@code
 * Concatenate()([left, right])}. A field that returns several tensors (a recurrent layer with
 * {@code returnState = true}) is addressed by index: {@code "encoder[1]"} is its second tensor,
 * Keras's {@code encoder[0][1]}; {@code "encoder"} is its first. Without {@code @From} a layer takes
 * the previous field's output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface From {
  /** {@return the fields (or {@code field[i]} tensors) the layer is called on, in call order} */
  String[] value();

  /**
   * {@return the initial states of a recurrent layer, Keras {@code initial_state=[...]}} One tensor
   * per state: {@code h} for SimpleRNN and GRU, {@code h} and {@code c} for LSTM, each of the
   * layer's {@code units}; twice as many for a {@link Bidirectional} layer.
   */
  String[] initialState() default {};
}
