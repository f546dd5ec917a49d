package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Whose rules count this model, overriding {@code -Aparamcheck.convention} for it. Under {@link
 * Framework#PYTORCH} a SimpleRnn or Lstm keeps PyTorch's two bias vectors ({@code @SimpleRnn(units =
 * 10, features = 1)} has 130 parameters, as {@code nn.RNN(1, 10)}, where Keras counts 120), the
 * breakdown constants take PyTorch's parameter names ({@code _WEIGHT_IH_L0_PARAMS}), and {@code
 * table()} is torchinfo's summary.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Convention {
  /** {@return the framework whose rules apply} */
  Framework value();
}
