package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code TextVectorization(max_tokens, output_sequence_length)} in {@code int} mode: strings to
 * token ids.
 *
 * <p>No parameters: the vocabulary lives in lookup tables, not weights. Takes a string input
 * ({@code @Input(shape = {1}, dtype = "string")}) or comes first; its output, {@code (None,
 * outputSequenceLength)}, feeds an {@link Embedding}, whose {@code inputDim} is checked against
 * {@link #maxTokens()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface TextVectorization {
  /** {@return the vocabulary's size, with the padding and out-of-vocabulary tokens} Must be positive. */
  int maxTokens();

  /** {@return the length every output is padded or cut to; {@code -1} keeps each text's length ({@code None})} */
  int outputSequenceLength() default -1;
  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} It has no
   * weights; the value is kept for symmetry with the other layers.
   */
  boolean trainable() default true;
}
