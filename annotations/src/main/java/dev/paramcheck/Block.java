package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uses another annotated model class as one layer, as a Keras subclassed layer (keras.io's {@code
 * TransformerBlock}) or a nested model is used: one row {@code field (BlockClassName)} whose count
 * is the sum of the block's layers.
 *
 * <p>The block is a functional model of its own, called as Keras calls a nested model on a list of
 * tensors ({@code block([a, b])}): its inputs are its {@link Input} fields in declaration order, and
 * {@link From} names one tensor per input, in that order, each of the input's shape (a known length
 * where the block's input leaves it {@code -1} is fine: the block's shapes follow it, as Keras's do).
 * Its outputs are the model's outputs when the class is compiled as a model: every tensor of each
 * field whose tensors no other field takes, in declaration order; other fields take them as {@code
 * "field[0]"}, {@code "field[1]"}, ... ({@code "field"} is the first). A block of one input and one
 * output needs no index.
 *
 * <pre>{@code
 * class Mixer {                                     // two inputs, two outputs
 *   @Input(shape = {5, 8}) Object a;
 *   @Input(shape = {5, 8}) Object b;
 *   @From("a") @Dense(units = 4) Object d;           // output 0: (None, 5, 4)
 *   @From("b") @Lstm(units = 3, returnSequences = true) Object l;  // output 1: (None, 5, 3)
 * }
 * class Model {
 *   @Input(shape = {5, 8}) Object p;
 *   @Input(shape = {5, 8}) Object q;
 *   @From({"p", "q"}) @Block(Mixer.class) Object mixer;              // 180 parameters
 *   @From({"mixer[0]", "mixer[1]"}) @Concatenate Object both;         // (None, 5, 7)
 * }
 * }</pre>
 *
 * <p>A block used twice is counted twice, as two Keras layer instances are; a block may use other
 * blocks, but one that uses itself, directly or through others, is an error naming the cycle. A
 * block of two Dense layers 8→16→8 on a {@code (None, 4, 8)} sequence has 144 + 136 = 280
 * parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Block {
  /** {@return the block's class: a class annotated with paramcheck's layers, with one {@link Input} or more} */
  Class<?> value();

  /**
   * {@return whether the block's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes every layer of the block: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
