package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code Attention(use_scale, score_mode)} (keras/src/layers/attention/attention.py):
 * dot-product (Luong-style) attention of a query over a value.
 *
 * <p>Takes two or three tensors named by {@link From}: {@code query, value} and an optional {@code
 * key}. Weights: a scalar {@code scale} with {@code useScale} and a scalar {@code
 * concat_score_weight} with {@code scoreMode = CONCAT}, so 0, 1 or 2 parameters. The output is the
 * query's shape with the value's last axis: a {@code (None, 3, 38)} query over a {@code (None, 5,
 * 30)} value gives {@code (None, 3, 30)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Attention {
  /** {@return whether the scores are multiplied by a learned scalar {@code scale}, Keras {@code use_scale}} */
  boolean useScale() default false;

  /** {@return how query and key are scored, Keras {@code score_mode}} */
  ScoreMode scoreMode() default ScoreMode.DOT;

  /** {@return the dropout rate on the attention scores, Keras {@code dropout}: no weights} */
  double dropout() default 0;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
