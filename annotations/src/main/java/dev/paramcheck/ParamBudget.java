package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest parameter count allowed, inclusive. On a model class it bounds the model's total;
 * on a layer field it bounds that layer. A count over the budget fails the compilation (or warns,
 * with {@code -Aparamcheck.budget=warn}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface ParamBudget {
  /** The largest count allowed, inclusive. Must be positive. */
  long max();
}
