package dev.paramcheck.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model as the processor recorded it in {@code META-INF/paramcheck/<model>.json} (record
 * schema version 1, {@code docs/record-schema.json}). The report only reads these numbers; it never
 * counts again.
 *
 * @param origin where the record was read from (a file, or {@code some.jar!/META-INF/...}), for
 *     messages; not part of the record
 */
public record ModelRecord(
    int schemaVersion,
    String paramcheckVersion,
    String model,
    String summaryClass,
    String sourceFile,
    String convention,
    String precision,
    Input input,
    List<Layer> layers,
    Totals totals,
    List<Budget> budgets,
    String table,
    String origin) {

  /** The highest record schema version this report reads. */
  public static final int SCHEMA_VERSION = 1;

  public ModelRecord {
    layers = List.copyOf(layers);
    budgets = List.copyOf(budgets);
  }

  /** The input as declared on the first layer; {@code null} where not declared. */
  public record Input(Long timesteps, Long features) {}

  /**
   * One row of the table; {@code inbound} lists the tensors a functional model's layer takes
   * ({@code encoder[0][1]}), empty in a sequential model.
   */
  public record Layer(
      String name,
      String kerasClass,
      String annotation,
      Map<String, Object> attributes,
      String outputShape,
      long params,
      long trainable,
      long nonTrainable,
      String precision,
      long bytes,
      Long macs,
      List<Weight> weights,
      List<String> inbound) {
    public Layer {
      attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
      weights = List.copyOf(weights);
      inbound = List.copyOf(inbound);
    }
  }

  /** One weight of a layer ({@code KERNEL}, {@code RECURRENT_KERNEL}, {@code BIAS}, ...). */
  public record Weight(String key, long count, boolean trainable) {}

  /** The model's totals; {@code macs} is {@code null} when the input length is unknown. */
  public record Totals(
      long params,
      long trainable,
      long nonTrainable,
      long bytes,
      long trainableBytes,
      long nonTrainableBytes,
      Long macs) {}

  /** A budget and how much of it the model uses. */
  public record Budget(
      String kind, String scope, String layer, String source, long max, long used, long headroom) {

    /** The share of the budget used, 0 when {@code max} is 0 and nothing is used. */
    public double usedFraction() {
      if (max <= 0) {
        return used > 0 ? Double.POSITIVE_INFINITY : 0;
      }
      return (double) used / max;
    }

    /** The headroom as a share of the budget (negative when over). */
    public double headroomFraction() {
      if (max <= 0) {
        return headroom < 0 ? Double.NEGATIVE_INFINITY : 0;
      }
      return (double) headroom / max;
    }
  }

  /**
   * The budget with the least headroom relative to its size: the one that binds first. Empty when
   * the model has no budget.
   */
  public Optional<Budget> tightestBudget() {
    return budgets.stream()
        .min(Comparator.comparingDouble(Budget::headroomFraction)
            .thenComparing(Budget::kind)
            .thenComparing(b -> b.layer() == null ? "" : b.layer()));
  }
}
