package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies an activation function, Keras {@code Activation(activation)}.
 *
 * <p>No parameters; the output has the input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Activation {
  /**
   * {@return A Keras activation name: {@code relu}, {@code leaky_relu}, {@code relu6}, {@code
   * softmax}, {@code elu}, {@code selu}, {@code softplus}, {@code softsign}, {@code silu} ({@code
   * swish}), {@code gelu}, {@code tanh}, {@code sigmoid}, {@code exponential}, {@code
   * hard_sigmoid}, {@code hard_silu} ({@code hard_swish}), {@code linear}, {@code mish}, {@code
   * log_softmax} or {@code crelu}}
   */
  String value();
}
