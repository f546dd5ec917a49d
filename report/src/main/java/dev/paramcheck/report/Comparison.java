package dev.paramcheck.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The models against a baseline: per model, its numbers then and now; the models new since the
 * baseline and those no longer recorded. Without a baseline every model has no change to show.
 */
public record Comparison(boolean hasBaseline, List<Change> changes, List<Removed> removed) {

  public Comparison {
    changes = List.copyOf(changes);
    removed = List.copyOf(removed);
  }

  /** How a model stands against the baseline. */
  public enum Status {
    /** There is no baseline to compare with. */
    NO_BASELINE,
    /** The baseline does not have the model. */
    NEW,
    /** Params, bytes and MACs are as in the baseline. */
    UNCHANGED,
    /** At least one number differs. */
    CHANGED
  }

  /** A model now, and in the baseline ({@code before} is null when new or without baseline). */
  public record Change(String model, Status status, Baseline.Entry before, Baseline.Entry after) {

    /** Growth of params in percent of the baseline; null when there is nothing to compare. */
    public BigDecimal paramsGrowth() {
      return before == null ? null : growth(before.params(), after.params());
    }

    public BigDecimal bytesGrowth() {
      return before == null ? null : growth(before.bytes(), after.bytes());
    }

    /** Null also when MACs are unknown then or now. */
    public BigDecimal macsGrowth() {
      return before == null || before.macs() == null || after.macs() == null
          ? null : growth(before.macs(), after.macs());
    }
  }

  /** A model in the baseline that no record has any more. */
  public record Removed(String model, Baseline.Entry before) {}

  public static Comparison of(List<ModelRecord> records, Optional<Baseline> baseline) {
    List<Change> changes = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    Map<String, Baseline.Entry> old = baseline.map(Baseline::models).orElse(Map.of());
    Set<String> seen = new TreeSet<>();
    for (ModelRecord r : records) {
      seen.add(r.model());
      Baseline.Entry now = Baseline.Entry.of(r);
      if (baseline.isEmpty()) {
        changes.add(new Change(r.model(), Status.NO_BASELINE, null, now));
      } else if (!old.containsKey(r.model())) {
        changes.add(new Change(r.model(), Status.NEW, null, now));
      } else {
        Baseline.Entry then = old.get(r.model());
        changes.add(new Change(r.model(),
            then.equals(now) ? Status.UNCHANGED : Status.CHANGED, then, now));
      }
    }
    for (Map.Entry<String, Baseline.Entry> e : old.entrySet()) {
      if (!seen.contains(e.getKey())) {
        removed.add(new Removed(e.getKey(), e.getValue()));
      }
    }
    return new Comparison(baseline.isPresent(), changes, removed);
  }

  public Optional<Change> change(String model) {
    return changes.stream().filter(c -> c.model().equals(model)).findFirst();
  }

  /**
   * {@code (now - then) * 100 / then}, exact to 10 significant digits; from 0 to more is treated
   * as infinite growth and returned as null-free {@link #INFINITE}.
   */
  static BigDecimal growth(long then, long now) {
    if (then == now) {
      return BigDecimal.ZERO;
    }
    if (then == 0) {
      return now > 0 ? INFINITE : INFINITE.negate();
    }
    return BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(then))
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(then), MathContext.DECIMAL64);
  }

  /** Stands for growth from zero: larger than any limit. */
  static final BigDecimal INFINITE = new BigDecimal("1E+30");
}
