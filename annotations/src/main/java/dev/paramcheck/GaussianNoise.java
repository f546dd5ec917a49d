package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds zero-centered Gaussian noise while training, Keras {@code GaussianNoise(stddev)}: a
 * regularizer for real-valued inputs such as sensor sequences.
 *
 * <p>No parameters; the output has the input's shape: after {@code Conv1D(8, 3)} on 50 steps of 4
 * features, {@code (None, 48, 8)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface GaussianNoise {
  /** {@return the noise's standard deviation} From 0 to 1 inclusive, as Keras accepts. */
  double stddev();
}
