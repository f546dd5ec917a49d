package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks time steps whose features all equal {@link #maskValue()} to be skipped by the layers after
 * it, Keras {@code Masking(mask_value)}.
 *
 * <p>No parameters; the output has the input's shape. As the first layer it takes a sequence of
 * {@code features}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Masking {
  /** {@return the value that marks a padded time step, as Keras {@code mask_value}} */
  double maskValue() default 0.0;

  /**
   * {@return size of the input's last axis} On the first layer it declares the model's input; on a
   * later layer it is inferred from the previous layer's output, and a value written there is
   * checked against it. The default, {@code -1}, means "not written".
   */
  int features() default -1;

  /**
   * {@return length of the input's time axis} On the first layer it declares the model's input,
   * {@code Input(shape=(timesteps, features))}, so that output lengths (and compute costs) are
   * known; on a later layer a value written is checked against the length the layers before
   * produce. The default, {@code -1}, means "not written" (length unknown, {@code None}).
   */
  int timesteps() default -1;
}
