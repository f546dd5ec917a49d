package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies the {@link Dense} layer annotated beside it to every time step, Keras {@code
 * TimeDistributed(Dense(units))}.
 *
 * <pre>{@code
 * @TimeDistributed @Dense(units = 10) Object perStep;
 * }</pre>
 *
 * <p>Parameters: the Dense layer's, {@code features * units + units}: on {@code (None, 20, 64)}
 * with 10 units, 650, and the output is {@code (None, 20, 10)}. It needs an input with a time axis.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface TimeDistributed {
}
