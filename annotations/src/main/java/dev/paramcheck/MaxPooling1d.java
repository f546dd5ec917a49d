package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Max pooling over the time axis, Keras {@code MaxPooling1D(pool_size)}.
 *
 * <p>No parameters. It needs an input with a time axis and keeps the features; the output length
 * is {@code (L - poolSize) / strides + 1} with {@link Padding#VALID} and {@code (L - 1) / strides +
 * 1} with {@link Padding#SAME}: 100 steps with the defaults give 50. {@link Padding#CAUSAL} is not
 * a pooling padding.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface MaxPooling1d {
  /** {@return size of the pooling window} Must be positive. */
  int poolSize() default 2;

  /**
   * {@return step between windows; the default, {@code -1}, means {@link #poolSize()}, as Keras's
   * {@code None}}
   */
  int strides() default -1;

  /**
   * {@return how the ends of the sequence are padded: {@link Padding#VALID} or {@link
   * Padding#SAME}}
   */
  Padding padding() default Padding.VALID;
}
