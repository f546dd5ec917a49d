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
 * <p>The block is a functional model of its own (one {@link Input}, its output the last field);
 * the tensor {@link From} names must have the block's input shape. A block used twice is counted
 * twice, as two Keras layer instances are; a block that uses itself, directly or through others, is
 * an error naming the cycle. A block of two Dense layers 8→16→8 on a {@code (None, 4, 8)} sequence
 * has 144 + 136 = 280 parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Block {
  /** {@return the block's class: a class annotated with paramcheck's layers, with one {@link Input}} */
  Class<?> value();

  /**
   * {@return whether the block's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes every layer of the block: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
