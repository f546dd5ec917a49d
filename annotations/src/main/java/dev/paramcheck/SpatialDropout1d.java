package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drops whole feature maps (a feature across all time steps) while training, Keras {@code SpatialDropout1D(rate)}.
 *
 * <p>No parameters; the output has the input's shape. It needs an input with a time axis.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface SpatialDropout1d {
  /** {@return fraction of the input units to drop, from 0 to 1 inclusive, as Keras accepts} */
  double rate();
}
