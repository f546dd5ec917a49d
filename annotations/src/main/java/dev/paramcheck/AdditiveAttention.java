package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras {@code AdditiveAttention(use_scale)} (keras/src/layers/attention/additive_attention.py):
 * additive (Bahdanau-style) attention of a query over a value.
 *
 * <p>Takes two or three tensors named by {@link From}: {@code query, value} and an optional {@code
 * key}. Weights: {@code scale} of the query's last axis with {@code useScale} (Keras's default), so
 * a {@code (None, 7, 23)} query has 23 parameters. The output is the query's shape with the
 * value's last axis.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface AdditiveAttention {
  /** {@return whether the scores are scaled by a learned vector {@code scale}, Keras {@code use_scale}} */
  boolean useScale() default true;

  /** {@return the dropout rate on the attention scores, Keras {@code dropout}: no weights} */
  double dropout() default 0;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer: its weights count as non-trainable.
   */
  boolean trainable() default true;
}
