package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Repeats a vector {@code n} times into a sequence, Keras {@code RepeatVector(n)}: the bridge from
 * an encoder's last state to a decoder in a sequence-to-sequence autoencoder.
 *
 * <p>No parameters. It needs a plain vector: {@code (None, 64)} with {@code n = 10} gives {@code
 * (None, 10, 64)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface RepeatVector {
  /** {@return how many times to repeat the input, the output's time length} Must be positive. */
  int n();
}
