package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Normalizes each sample across its features, Keras {@code LayerNormalization()} on the last axis.
 *
 * <p>Parameters per input feature: {@code gamma} (with {@link #scale()}) and {@code beta} (with
 * {@link #center()}). On 64 features: 128. The output has the input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface LayerNormalization {
  /** {@return whether the layer adds a learned offset {@code beta}, as Keras {@code center}} */
  boolean center() default true;

  /**
   * {@return whether the layer multiplies by a learned scale {@code gamma}, as Keras {@code scale}}
   */
  boolean scale() default true;

  /**
   * {@return whether the layer's weights are trained, as Keras {@code layer.trainable}} {@code
   * false} freezes the layer (a pretrained layer): its weights count as non-trainable.
   */
  boolean trainable() default true;
}
