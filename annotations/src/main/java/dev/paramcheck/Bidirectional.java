package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the recurrent layer annotated beside it in both directions, Keras
 * {@code Bidirectional(layer, merge_mode=...)}.
 *
 * <pre>{@code
 * @Bidirectional @Lstm(units = 64, returnSequences = true) Object encoder;
 * }</pre>
 *
 * <p>The forward and the backward layer each have the wrapped layer's parameters, so the count
 * doubles: {@code Bidirectional(LSTM(64))} on 10 features has 2 * 19,200 = 38,400 parameters.
 * With {@link Merge#CONCAT} the output has twice the wrapped layer's units; the other merge modes
 * keep them. Only {@link SimpleRnn}, {@link Lstm} and {@link Gru} can be wrapped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Bidirectional {
  /** {@return how the two directions' outputs are combined, as Keras {@code merge_mode}} */
  Merge merge() default Merge.CONCAT;

  /** Keras's merge modes. */
  enum Merge {
    /** Concatenate the two outputs: twice the units. The Keras default. */
    CONCAT,
    /** Add them element-wise. */
    SUM,
    /** Average them element-wise. */
    AVE,
    /** Multiply them element-wise. */
    MUL
  }
}
