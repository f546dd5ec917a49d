package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;

/** The names of the constants a summary class declares: the one place that lists them. */
public final class SummaryConstants {
  private SummaryConstants() {}

  /** The model's totals. */
  public static List<String> totals() {
    return List.of(
        "TOTAL_PARAMS", "TRAINABLE_PARAMS", "NON_TRAINABLE_PARAMS", "TOTAL_BYTES", "TRAINABLE_BYTES",
        "NON_TRAINABLE_BYTES", "TOTAL_MACS");
  }

  /** A layer's constants: its count and its breakdown. */
  public static List<String> of(LayerSummary layer) {
    List<String> names = new ArrayList<>(1 + layer.weights().size());
    names.add(layer.paramsConstant());
    names.add(layer.bytesConstant());
    names.add(layer.macsConstant());
    for (Weight w : layer.weights()) {
      names.add(layer.weightConstant(w));
    }
    return names;
  }
}
