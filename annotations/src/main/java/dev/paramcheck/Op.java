package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Keras operation applied to a tensor, printed by Keras as a row of its own: {@code x[:, -1]}
 * is {@code get_item (GetItem)}, {@code ops.expand_dims(x, 1)} is {@code expand_dims (ExpandDims)}.
 *
 * <p>No parameters. Keras names it from its type ({@code get_item}, then {@code get_item_1}, ...),
 * not from the field; the field name is how other layers refer to it in {@link From}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD})
public @interface Op {
  /** {@return the operation's class as Keras prints it, such as {@code GetItem}, {@code ExpandDims}, {@code NotEqual}} */
  String type();

  /** {@return the output shape without the batch axis ({@code -1} for unknown); the input's shape when empty} */
  int[] outputShape() default {};
}
