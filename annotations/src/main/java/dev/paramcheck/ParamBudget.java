package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest parameter count allowed, inclusive: a limit on what Keras's
 * {@code model.count_params()} would report. On a model class it bounds the model's total; on a
 * layer field it bounds that layer. A count over the budget fails the compilation (or warns, with
 * {@code -Aparamcheck.budget=warning}).
 *
 * <pre>{@code
 * @ParamBudget(max = 100_000)
 * public class GuideBidirectional { ... }   // 80,266 parameters: within budget
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface ParamBudget {
  /** {@return the largest count allowed, inclusive} Must be positive. */
  long max();
}
