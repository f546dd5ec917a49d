package dev.paramcheck.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the {@code check} goal against a baseline: no model may grow by more than
 * {@code maxGrowth} percent (in params, bytes, or MACs where known then and now), and with
 * {@code failOnNew} no model may be missing from the baseline. Each violation names the model and
 * its old and new numbers.
 */
public final class Check {
  private Check() {}

  /**
   * @param maxGrowth in percent of the baseline, 0 or more; 0 means "no growth at all"
   * @param failOnNew whether a model not in the baseline fails the check
   */
  public record Rules(BigDecimal maxGrowth, boolean failOnNew) {
    public Rules {
      if (maxGrowth == null || maxGrowth.signum() < 0) {
        throw new IllegalArgumentException("maxGrowth must be 0 or more, not " + maxGrowth);
      }
    }

    public static Rules defaults() {
      return new Rules(BigDecimal.ZERO, false);
    }
  }

  /** One model breaking a rule. */
  public record Violation(String model, String message) {
    @Override
    public String toString() {
      return message;
    }
  }

  /** The violations, in model order; {@link #notes()} say what is worth knowing but passes. */
  public record Result(List<Violation> violations, List<String> notes) {
    public Result {
      violations = List.copyOf(violations);
      notes = List.copyOf(notes);
    }

    public boolean passed() {
      return violations.isEmpty();
    }
  }

  public static Result run(Comparison comparison, Rules rules, String baselineName) {
    List<Violation> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String limit = rules.maxGrowth().stripTrailingZeros().toPlainString() + "%";
    if (!comparison.hasBaseline()) {
      if (rules.failOnNew() && !comparison.changes().isEmpty()) {
        for (Comparison.Change c : comparison.changes()) {
          violations.add(new Violation(c.model(), c.model() + " is new: no baseline at "
              + baselineName + " (" + numbers(c.after()) + "); failOnNew is set. Write the"
              + " baseline with -Dparamcheck.updateBaseline and commit it"));
        }
      } else {
        notes.add("no baseline at " + baselineName + ": nothing to compare with; write one with"
            + " -Dparamcheck.updateBaseline and commit it");
      }
      return new Result(violations, notes);
    }
    for (Comparison.Change c : comparison.changes()) {
      switch (c.status()) {
        case NEW:
          if (rules.failOnNew()) {
            violations.add(new Violation(c.model(), c.model() + " is new: not in " + baselineName
                + " (" + numbers(c.after()) + "); failOnNew is set. Update the baseline with"
                + " -Dparamcheck.updateBaseline and commit it"));
          } else {
            notes.add(c.model() + " is new (" + numbers(c.after()) + ")");
          }
          break;
        case CHANGED:
          List<String> grew = new ArrayList<>();
          grown("params", c.before().params(), c.after().params(), rules, grew);
          grown("bytes", c.before().bytes(), c.after().bytes(), rules, grew);
          if (c.before().macs() != null && c.after().macs() != null) {
            grown("MACs", c.before().macs(), c.after().macs(), rules, grew);
          }
          if (!grew.isEmpty()) {
            violations.add(new Violation(c.model(), c.model() + " grew by more than " + limit
                + " (maxGrowth) against " + baselineName + ": " + String.join(", ", grew)));
          } else {
            notes.add(c.model() + " changed within maxGrowth " + limit + ": params "
                + Format.count(c.before().params()) + " -> " + Format.count(c.after().params()));
          }
          break;
        default:
          break;
      }
    }
    for (Comparison.Removed r : comparison.removed()) {
      notes.add(r.model() + " is in " + baselineName + " but no longer recorded ("
          + numbers(r.before()) + ")");
    }
    return new Result(violations, notes);
  }

  private static void grown(String what, long then, long now, Rules rules, List<String> out) {
    if (now <= then) {
      return;
    }
    BigDecimal g = Comparison.growth(then, now);
    if (g.compareTo(rules.maxGrowth()) > 0) {
      out.add(what + " " + Format.count(then) + " -> " + Format.count(now) + " ("
          + (then == 0 ? "from 0" : Format.growth(g)) + ")");
    }
  }

  static String numbers(Baseline.Entry e) {
    return "params " + Format.count(e.params()) + ", bytes " + Format.count(e.bytes())
        + ", MACs " + (e.macs() == null ? "unknown" : Format.count(e.macs()));
  }
}
