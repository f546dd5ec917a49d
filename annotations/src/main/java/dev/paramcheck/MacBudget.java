package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest number of multiply-accumulates one input sample may cost, inclusive. On a model
 * class it bounds the model's total, on a layer field that layer, on a package ({@code
 * package-info.java}) every model of the package that has no MAC budget of its own. The cost needs
 * the input's length: {@code timesteps} on the first layer.
 *
 * <p>A layer with weight matrices costs its parameter count times the positions it is applied at:
 * {@code @Lstm(units = 64)} on 100 steps of 128 features has 49,408 parameters and costs
 * 4,940,800 MACs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PACKAGE})
public @interface MacBudget {
  /** {@return the largest cost allowed, inclusive} Must be positive. */
  long max();
}
