package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest parameter count allowed, inclusive. On a model class it bounds the model's total;
 * on a layer field it bounds that layer; on a package ({@code package-info.java}) it bounds every
 * model of the package that has no parameter budget of its own. A count over the budget fails the
 * compilation (or warns, with {@code -Aparamcheck.budget=warning}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PACKAGE})
public @interface ParamBudget {
  /** {@return the largest count allowed, inclusive} Must be positive. */
  long max();

  /**
   * {@return whether only the trainable parameters count against {@link #max()}: what fine-tuning
   * updates} A frozen pretrained Embedding then does not use up the budget. The default bounds the
   * total.
   */
  boolean trainableOnly() default false;
}
