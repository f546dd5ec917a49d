package dev.paramcheck.model;

/**
 * A budget that applies to a model or one of its layers, and how much of it is used.
 *
 * @param metric what it bounds
 * @param layer the layer's name for a layer budget, or {@code null} for the model's
 * @param source where it is written: {@code CLASS}, {@code FIELD} or {@code PACKAGE}
 * @param max the largest value allowed
 * @param used the value
 */
public record BudgetUse(Metric metric, String layer, String source, long max, long used) {
  public long headroom() {
    return max - used;
  }
}
