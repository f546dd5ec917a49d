package dev.paramcheck.model;

import dev.paramcheck.Framework;
import java.util.List;
import java.util.OptionalLong;

/**
 * A counted model: its layers and exact totals, in its convention.
 *
 * @param trainableParams what training updates: every weight of a layer with {@code trainable =
 *     true}, except BatchNormalization's moving statistics
 * @param totalBytes the weights' size, each layer at its precision
 * @param macs multiply-accumulates per input sample, when every layer's is known
 * @param budgets every budget that applies and how much of it is used
 * @param functional a functional model's table rows and layout; empty for a sequential model
 */
public record ModelSummary(
    String name,
    Framework convention,
    List<LayerSummary> layers,
    long totalParams,
    long trainableParams,
    long totalBytes,
    long trainableBytes,
    OptionalLong macs,
    List<BudgetUse> budgets,
    java.util.Optional<Functional> functional) {
  public ModelSummary {
    layers = List.copyOf(layers);
    budgets = List.copyOf(budgets);
  }

  public ModelSummary(
      String name, Framework convention, List<LayerSummary> layers, long totalParams, long trainableParams,
      long totalBytes, long trainableBytes, OptionalLong macs, List<BudgetUse> budgets) {
    this(name, convention, layers, totalParams, trainableParams, totalBytes, trainableBytes, macs, budgets,
        java.util.Optional.empty());
  }

  public long nonTrainableParams() {
    return totalParams - trainableParams;
  }

  public long nonTrainableBytes() {
    return totalBytes - trainableBytes;
  }

  public ModelSummary withBudgets(List<BudgetUse> uses) {
    return new ModelSummary(
        name, convention, layers, totalParams, trainableParams, totalBytes, trainableBytes, macs, uses, functional);
  }
}
