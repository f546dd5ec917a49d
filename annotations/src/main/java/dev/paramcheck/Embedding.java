package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lookup table from integer token ids to vectors, Keras {@code Embedding(input_dim, output_dim)}.
 *
 * <p>Parameters: {@code inputDim * outputDim}: {@code Embedding(1000, 64)} has 64,000. It takes integer token ids, so it can only be the
 * first layer; its output is a sequence with {@code outputDim} features, ready for a recurrent
 * layer.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Embedding {
  /** {@return the size of the vocabulary: the largest token id plus one} Must be positive. */
  int inputDim();

  /** {@return the size of each embedding vector, the output's features} Must be positive. */
  int outputDim();

  /**
   * {@return length of the input's time axis} On the first layer it declares the model's input,
   * {@code Input(shape=(timesteps,))}, so that output lengths (and compute costs) are known; on a
   * later layer it has no meaning (an Embedding is always first). The default, {@code -1}, means
   * "not written" (length unknown, {@code None}).
   */
  int timesteps() default -1;

  /**
   * {@return whether id 0 is padding to be masked, Keras {@code mask_zero}} The mask reaches the
   * layers after it; in a functional model Keras prints the {@code not_equal (NotEqual)} row that
   * computes it. {@code inputDim} must then count the padding id.
   */
  boolean maskZero() default false;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (pretrained word vectors, the common case): its weights count as
   * non-trainable.
   */
  boolean trainable() default true;
}
