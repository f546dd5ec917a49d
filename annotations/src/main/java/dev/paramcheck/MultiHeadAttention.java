package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code MultiHeadAttention(num_heads, key_dim, value_dim, use_bias, output_shape, dropout)}
 * (keras/src/layers/attention/multi_head_attention.py): attention of a query over a value, with
 * {@code numHeads} heads of {@code keyDim} each.
 *
 * <p>Takes the tensors named by {@link From} in Keras's call order: {@code query, value} and an
 * optional {@code key} (the value when left out); self-attention is {@code @From({"x", "x"})}.
 * Weights, with query, key and value widths {@code Dq, Dk, Dv}, {@code H} heads, key size {@code
 * K}, value size {@code V} ({@code keyDim} when left out) and output width {@code O} ({@code Dq}
 * unless {@code outputShape} is written): {@code query/kernel (Dq, H, K)}, {@code key/kernel (Dk,
 * H, K)}, {@code value/kernel (Dv, H, V)}, {@code attention_output/kernel (H, V, O)} and, with
 * {@code useBias}, biases {@code (H, K)}, {@code (H, K)}, {@code (H, V)}, {@code (O)}. Two heads of
 * 8 on a {@code (None, 12, 7)} sequence attending to itself: {@code 3 * (7*16 + 16) + 16*7 + 7 =
 * 503}. The output is the query's shape with its last axis {@code O}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface MultiHeadAttention {
  /** {@return the number of attention heads, Keras {@code num_heads}} */
  int numHeads();

  /** {@return the size of each head for query and key, Keras {@code key_dim} (per head)} */
  int keyDim();

  /** {@return the size of each head for the value, Keras {@code value_dim}; -1 means {@code keyDim}} */
  int valueDim() default -1;

  /** {@return whether the dense projections have biases, Keras {@code use_bias}} */
  boolean useBias() default true;

  /**
   * {@return the output's trailing shape, Keras {@code output_shape}; empty means the query's last
   * axis}
   */
  int[] outputShape() default {};

  /** {@return the dropout rate on the attention scores, Keras {@code dropout}: no weights} */
  double dropout() default 0;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
