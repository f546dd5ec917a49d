package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * keras_hub {@code PositionEmbedding(sequence_length)}
 * (keras_hub/src/layers/modeling/position_embedding.py, {@code build}): a learned embedding per
 * position, {@code embeddings (sequenceLength, D)} for a {@code (None, T, D)} input: 128 positions of
 * 256 features, 32,768. The output has the input's shape (the embeddings of its positions, to be
 * added to it); the input may not be longer than {@code sequenceLength}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface PositionEmbedding {
  /** {@return the longest sequence it embeds, keras_hub {@code sequence_length}} */
  int sequenceLength();

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
