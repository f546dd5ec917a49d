package dev.paramcheck.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the {@code check} goal: with {@code failOnOverBudget} (the default) no model may be
 * over a budget its record holds; against a baseline no model may grow by more than
 * {@code maxGrowth} percent (in params, bytes, or MACs where known then and now), and with
 * {@code failOnNew} no model may be missing from the baseline. Each violation names the model and
 * its numbers, once.
 */
public final class Check {
  private Check() {}

  /**
   * @param maxGrowth in percent of the baseline, 0 or more; 0 means "no growth at all"
   * @param failOnNew whether a model not in the baseline fails the check
   */
  public record Rules(BigDecimal maxGrowth, boolean failOnNew, boolean failOnOverBudget) {
    public Rules {
      if (maxGrowth == null || maxGrowth.signum() < 0) {
        throw new IllegalArgumentException("maxGrowth must be 0 or more, not " + maxGrowth);
      }
    }

    /** With {@code failOnOverBudget} on, its default. */
    public Rules(BigDecimal maxGrowth, boolean failOnNew) {
      this(maxGrowth, failOnNew, true);
    }

    public static Rules defaults() {
      return new Rules(BigDecimal.ZERO, false, true);
    }
  }

  /** Which rule a violation breaks. */
  public enum Rule {
    /** A budget recorded for the model is exceeded; a new baseline does not change that. */
    OVER_BUDGET,
    /** Grew past {@code maxGrowth}; a new baseline accepts it. */
    GROWTH,
    /** Not in the baseline, with {@code failOnNew}; a new baseline accepts it. */
    NEW
  }

  /** One model breaking a rule. */
  public record Violation(String model, String message, Rule rule) {
    /** Whether writing a new baseline accepts it (growth and new models do; budgets don't). */
    public boolean acceptedByNewBaseline() {
      return rule != Rule.OVER_BUDGET;
    }

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
    return run(List.of(), comparison, rules, baselineName, Caller.MAVEN, false);
  }

  /**
   * Checks {@code records} (their budgets) and {@code comparison} (growth, new models) against
   * {@code rules}; the fixes are said in {@code caller}'s words. {@code writingBaseline}: this run
   * writes the baseline, so "no baseline yet" is not worth saying.
   */
  public static Result run(List<ModelRecord> records, Comparison comparison, Rules rules,
      String baselineName, Caller caller, boolean writingBaseline) {
    List<Violation> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String update = caller.updateBaseline();
    if (rules.failOnOverBudget()) {
      for (ModelRecord r : records) {
        List<String> over = new ArrayList<>();
        for (ModelRecord.Budget b : r.budgets()) {
          if (b.headroom() < 0) {
            over.add(overBudget(b));
          }
        }
        if (!over.isEmpty()) {
          violations.add(new Violation(r.model(), r.model() + " is over budget: "
              + String.join("; ", over) + ". Make the model smaller or raise the budget in "
              + r.sourceFile(), Rule.OVER_BUDGET));
        }
      }
    }
    String limit = rules.maxGrowth().stripTrailingZeros().toPlainString() + "%";
    if (!comparison.hasBaseline()) {
      if (rules.failOnNew() && !comparison.changes().isEmpty()) {
        for (Comparison.Change c : comparison.changes()) {
          violations.add(new Violation(c.model(), c.model() + " is new: no baseline yet at "
              + baselineName + " (" + numbers(c.after()) + "); failOnNew is set. Write the"
              + " baseline with " + update + " and commit it", Rule.NEW));
        }
      } else if (!writingBaseline) {
        notes.add("no baseline yet (" + baselineName + " does not exist): growth is not checked;"
            + " write one with " + update + " and commit it");
      }
      return new Result(sorted(violations), notes);
    }
    for (Comparison.Change c : comparison.changes()) {
      switch (c.status()) {
        case NEW:
          if (rules.failOnNew()) {
            violations.add(new Violation(c.model(), c.model() + " is new: not in " + baselineName
                + " (" + numbers(c.after()) + "); failOnNew is set. Update the baseline with "
                + update + " and commit it", Rule.NEW));
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
                + " (maxGrowth) against " + baselineName + ": " + String.join(", ", grew),
                Rule.GROWTH));
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
    return new Result(sorted(violations), notes);
  }

  /** In model order; a model's over-budget line before its growth line. */
  private static List<Violation> sorted(List<Violation> violations) {
    List<Violation> out = new ArrayList<>(violations);
    out.sort(java.util.Comparator.comparing(Violation::model)); // stable: keeps the order within
    return out;
  }

  private static String overBudget(ModelRecord.Budget b) {
    String what = switch (b.kind()) {
      case "TRAINABLE_PARAMS" -> "trainable params";
      case "BYTES" -> "bytes";
      case "MACS" -> "MACs";
      default -> "params";
    };
    String where = "LAYER".equals(b.scope()) && b.layer() != null ? "layer " + b.layer() + " " : "";
    String from = "PACKAGE".equals(b.source()) ? ", its package's policy" : "";
    return where + what + " " + Format.count(b.used()) + ", " + Format.count(-b.headroom())
        + " over the budget of " + Format.count(b.max()) + from;
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
