package dev.paramcheck.processor;

import dev.paramcheck.Framework;
import dev.paramcheck.model.Message;
import dev.paramcheck.summary.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;

/**
 * The processor's {@code -A} options, validated: an invalid value is an error that says which
 * values are allowed, and the default applies.
 */
final class Options {
  /** An invalid option value: the message and its arguments. */
  record Invalid(Message message, List<Object> args) {}

  /** {@code -Aparamcheck.budget=error|warning}: how an exceeded budget is reported. */
  static final String BUDGET = "paramcheck.budget";

  /** {@code -Aparamcheck.tableWidth=N}: the summary table's line length, as Keras's {@code line_length}. */
  static final String TABLE_WIDTH = "paramcheck.tableWidth";

  /** {@code -Aparamcheck.convention=keras|pytorch}: whose rules count models without {@code @Convention}. */
  static final String CONVENTION = "paramcheck.convention";

  /**
   * {@code -Aparamcheck.records=true|false}: whether each model also gets a record for the
   * reports; builds that never report can save the second file per model.
   */
  static final String RECORDS = "paramcheck.records";

  static final Set<String> ALL = Set.of(BUDGET, TABLE_WIDTH, CONVENTION, RECORDS);

  private final Diagnostic.Kind budgetKind;
  private final int tableWidth;
  private final Framework convention;
  private final boolean records;
  private final List<Invalid> problems;

  private Options(
      Diagnostic.Kind budgetKind, int tableWidth, Framework convention, boolean records, List<Invalid> problems) {
    this.budgetKind = budgetKind;
    this.tableWidth = tableWidth;
    this.convention = convention;
    this.records = records;
    this.problems = List.copyOf(problems);
  }

  static Options parse(Map<String, String> options) {
    List<Invalid> problems = new ArrayList<>();
    Diagnostic.Kind budgetKind = either(options, BUDGET, "error", Diagnostic.Kind.ERROR,
        "warning", Diagnostic.Kind.WARNING, Message.INVALID_BUDGET_OPTION, problems);
    int tableWidth = 0; // Keras's default for the table's layout
    String width = options.get(TABLE_WIDTH);
    if (width != null) {
      try {
        tableWidth = Integer.parseInt(width.trim());
      } catch (NumberFormatException e) {
        tableWidth = -1;
      }
      if (tableWidth < SummaryTable.MIN_WIDTH || tableWidth > SummaryTable.MAX_WIDTH) {
        problems.add(new Invalid(
            Message.INVALID_WIDTH_OPTION,
            List.of(TABLE_WIDTH, width, SummaryTable.MIN_WIDTH, SummaryTable.MAX_WIDTH, SummaryTable.DEFAULT_WIDTH)));
        tableWidth = 0;
      }
    }
    Framework convention = either(options, CONVENTION, "keras", Framework.KERAS,
        "pytorch", Framework.PYTORCH, Message.INVALID_CONVENTION_OPTION, problems);
    boolean records = either(options, RECORDS, "true", true, "false", false, Message.INVALID_RECORDS_OPTION, problems);
    return new Options(budgetKind, tableWidth, convention, records, problems);
  }

  /**
   * An option of two values, compared ignoring case: {@code usual} when it is absent or names
   * it, {@code other} when it names that; any other value is a problem, and the usual applies.
   */
  private static <T> T either(
      Map<String, String> options, String key, String usualName, T usual, String otherName, T other,
      Message invalid, List<Invalid> problems) {
    String value = options.get(key);
    if (value == null || value.equalsIgnoreCase(usualName)) {
      return usual;
    }
    if (value.equalsIgnoreCase(otherName)) {
      return other;
    }
    problems.add(new Invalid(invalid, List.of(key, value)));
    return usual;
  }

  /** The kind of diagnostic an exceeded budget gets. */
  Diagnostic.Kind budgetKind() {
    return budgetKind;
  }

  /** The convention of models without {@code @Convention}. */
  Framework convention() {
    return convention;
  }

  /** Whether each model gets a record ({@code META-INF/paramcheck/<binary name>.json}). */
  boolean records() {
    return records;
  }

  /**
   * The summary table's line length, or 0 for Keras's default in a terminal: 88 for a sequential
   * model or a functional chain, 108 for a functional model printed with "Connected to".
   */
  int tableWidth() {
    return tableWidth;
  }

  /** The errors about invalid option values, empty when all are valid. */
  List<Invalid> problems() {
    return problems;
  }
}
