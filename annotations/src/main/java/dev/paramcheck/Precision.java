package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision a model's weights are deployed at, as a Keras layer's {@code dtype=}. On a model
 * class it applies to every layer; on a layer field, to that layer, overriding the class. It sets
 * the sizes: {@code TOTAL_BYTES}, {@code <LAYER>_BYTES} and the table's sizes, each parameter
 * taking {@link Dtype#bits()} / 8 bytes. Without it, weights are {@link Dtype#FLOAT32}.
 *
 * <p>{@code @Precision(Dtype.FLOAT16)} on the keras.io guide's LSTM model (164,106 parameters)
 * gives 328,212 bytes, printed as Keras does: {@code 320.52 KB}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Precision {
  /** {@return the weights' type} */
  Dtype value();
}
