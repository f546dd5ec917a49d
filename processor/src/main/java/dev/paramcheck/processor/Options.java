package dev.paramcheck.processor;

import dev.paramcheck.summary.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;

/**
 * The processor's {@code -A} options, validated: an invalid value is an error that says which
 * values are allowed, and the default applies.
 */
final class Options {
  /** {@code -Aparamcheck.budget=error|warning}: how an exceeded budget is reported. */
  static final String BUDGET = "paramcheck.budget";

  /** {@code -Aparamcheck.tableWidth=N}: the summary table's line length, as Keras's {@code line_length}. */
  static final String TABLE_WIDTH = "paramcheck.tableWidth";

  static final Set<String> ALL = Set.of(BUDGET, TABLE_WIDTH);

  private final Diagnostic.Kind budgetKind;
  private final int tableWidth;
  private final List<String> problems;

  private Options(Diagnostic.Kind budgetKind, int tableWidth, List<String> problems) {
    this.budgetKind = budgetKind;
    this.tableWidth = tableWidth;
    this.problems = List.copyOf(problems);
  }

  static Options parse(Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    Diagnostic.Kind budgetKind = Diagnostic.Kind.ERROR;
    String budget = options.get(BUDGET);
    if (budget != null && budget.equalsIgnoreCase("warning")) {
      budgetKind = Diagnostic.Kind.WARNING;
    } else if (budget != null && !budget.equalsIgnoreCase("error")) {
      problems.add(String.format(
          Locale.ROOT,
          "[paramcheck:invalid-option] -A%s=%s is not a valid value: use error (the default: an"
              + " exceeded budget fails the build) or warning (it is reported and the build goes on)",
          BUDGET,
          budget));
    }
    int tableWidth = SummaryTable.DEFAULT_WIDTH;
    String width = options.get(TABLE_WIDTH);
    if (width != null) {
      try {
        tableWidth = Integer.parseInt(width.trim());
      } catch (NumberFormatException e) {
        tableWidth = -1;
      }
      if (tableWidth < SummaryTable.MIN_WIDTH || tableWidth > SummaryTable.MAX_WIDTH) {
        problems.add(String.format(
            Locale.ROOT,
            "[paramcheck:invalid-option] -A%s=%s is not a valid value: use a whole number from %d to %d"
                + " (Keras prints %d in a terminal, 76 in a notebook)",
            TABLE_WIDTH,
            width,
            SummaryTable.MIN_WIDTH,
            SummaryTable.MAX_WIDTH,
            SummaryTable.DEFAULT_WIDTH));
        tableWidth = SummaryTable.DEFAULT_WIDTH;
      }
    }
    return new Options(budgetKind, tableWidth, problems);
  }

  /** The kind of diagnostic an exceeded budget gets. */
  Diagnostic.Kind budgetKind() {
    return budgetKind;
  }

  /** The summary table's line length. */
  int tableWidth() {
    return tableWidth;
  }

  /** The errors about invalid option values, empty when all are valid. */
  List<String> problems() {
    return problems;
  }
}
