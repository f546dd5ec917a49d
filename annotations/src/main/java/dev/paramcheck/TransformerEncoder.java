package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * keras_hub {@code TransformerEncoder(intermediate_dim, num_heads, normalize_first)}
 * (keras_hub/src/layers/modeling/transformer_encoder.py, {@code build}): one encoder block of
 * "Attention Is All You Need" as one layer.
 *
 * <p>On a {@code (None, T, D)} sequence with {@code H} heads of {@code K = D / H} (rounded down) and
 * intermediate width {@code I}: self-attention ({@code 4 D H K + 3 H K + D}), two layer
 * normalizations ({@code 4 D}) and a feed-forward network ({@code D I + I + I D + D}); when {@code
 * H} divides {@code D}, {@code 4 D^2 + 2 D I + 9 D + I}: on {@code D = 256, H = 4, I = 512},
 * 527,104. The output has the input's shape. Takes one tensor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface TransformerEncoder {
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
