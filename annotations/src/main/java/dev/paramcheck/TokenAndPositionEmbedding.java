package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * keras_hub {@code TokenAndPositionEmbedding(vocabulary_size, sequence_length, embedding_dim)}
 * (keras_hub/src/layers/modeling/token_and_position_embedding.py): a token embedding and a position
 * embedding, summed.
 *
 * <p>Takes token ids {@code (None, T)}, {@code T} at most {@code sequenceLength}, and gives {@code
 * (None, T, embeddingDim)}. Weights: {@code token_embedding/embeddings (V, D)} and {@code
 * position_embedding/embeddings (S, D)}: {@code V = 30522, S = 128, D = 256} has 7,846,400.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface TokenAndPositionEmbedding {
  /** {@return the number of token ids, keras_hub {@code vocabulary_size}} */
  int vocabularySize();

  /** {@return the longest sequence it embeds, keras_hub {@code sequence_length}} */
  int sequenceLength();

  /** {@return the embedding width, keras_hub {@code embedding_dim}} */
  int embeddingDim();

  /**
   * {@return whether id 0 is padding to be masked, keras_hub {@code mask_zero}} keras_hub hands it to
   * its token embedding, a Keras 3 {@code ReversibleEmbedding}, and its {@code compute_mask} asks
   * that embedding for the mask; in Keras 3.15.1 that {@code compute_mask} returns {@code None} (the
   * embedding sets its mask inside {@code call}, which a functional model does not run), so Keras
   * puts no mask on this layer's output and prints the same rows as without it (no {@code
   * not_equal (NotEqual)} row, unlike {@link Embedding#maskZero()}). It changes no count. {@code
   * vocabularySize} must then count the padding id.
   */
  boolean maskZero() default false;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
