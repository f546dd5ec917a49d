package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * keras_hub {@code TransformerDecoder(intermediate_dim, num_heads, normalize_first)}
 * (keras_hub/src/layers/modeling/transformer_decoder.py, {@code build}): one decoder block as one
 * layer.
 *
 * <p>Takes the decoder sequence and, optionally, the encoder sequence ({@code @From({"x",
 * "encoded"})}), as keras_hub's {@code decoder(x, encoder_sequence)}. With {@code K = D / H}
 * (rounded down): self-attention and its layer normalization, then, only with an encoder sequence of
 * width {@code De}, cross-attention ({@code (2 D + 2 De) H K + 3 H K + D}) and its layer
 * normalization, then a feed-forward network and its layer normalization. Without an encoder
 * sequence it counts as a {@link TransformerEncoder}; with one of width {@code D} and {@code H}
 * dividing {@code D}, {@code 8 D^2 + 2 D I + 15 D + I}: 1,578,752 on {@code D = 256, H = 8, I =
 * 2048}. The output has the decoder input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface TransformerDecoder {
  /** {@return the width of the feed-forward network's hidden layer, keras_hub {@code intermediate_dim}} */
  int intermediateDim();

  /** {@return the number of attention heads, keras_hub {@code num_heads}; each has {@code D / numHeads}} */
  int numHeads();

  /** {@return whether the layer normalizations come before attention and feed-forward, keras_hub {@code normalize_first}: no weight changes} */
  boolean normalizeFirst() default false;

  /** {@return the dropout rate, keras_hub {@code dropout}: no weights} */
  double dropout() default 0;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
