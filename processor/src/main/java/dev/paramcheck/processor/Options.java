package dev.paramcheck.processor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;

/**
 * The processor's {@code -A} options, validated. An unknown value is an error that lists the
 * allowed ones.
 */
final class Options {
  /** {@code -Aparamcheck.budget=error|warning}: how an exceeded budget is reported. */
  static final String BUDGET = "paramcheck.budget";

  static final Set<String> ALL = Set.of(BUDGET);

  private final Diagnostic.Kind budgetKind;
  private final String problem;

  private Options(Diagnostic.Kind budgetKind, String problem) {
    this.budgetKind = budgetKind;
    this.problem = problem;
  }

  static Options parse(Map<String, String> options) {
    String budget = options.get(BUDGET);
    if (budget == null || budget.equalsIgnoreCase("error")) {
      return new Options(Diagnostic.Kind.ERROR, null);
    }
    if (budget.equalsIgnoreCase("warning")) {
      return new Options(Diagnostic.Kind.WARNING, null);
    }
    return new Options(
        Diagnostic.Kind.ERROR,
        String.format(
            Locale.ROOT,
            "[paramcheck:invalid-option] -A%s=%s is not a valid value: use error (the default: an"
                + " exceeded budget fails the build) or warning (it is reported and the build goes on)",
            BUDGET,
            budget));
  }

  /** The kind of diagnostic an exceeded budget gets. */
  Diagnostic.Kind budgetKind() {
    return budgetKind;
  }

  /** The error text if an option's value was invalid, else null. */
  String problem() {
    return problem;
  }
}
