package dev.paramcheck.summary;

import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Numbers;

/** Renders a model summary the way Keras 3's {@code model.summary()} prints it. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(ModelSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(summary.name()).append("\"\n");
    for (LayerSummary layer : summary.layers()) {
      out.append(layer.name()).append(" (").append(layer.kerasClass()).append(")  ")
          .append(layer.output()).append("  ").append(Numbers.grouped(layer.params())).append('\n');
    }
    footer(out, "Total params", summary.totalParams());
    footer(out, "Trainable params", summary.trainableParams());
    footer(out, "Non-trainable params", summary.nonTrainableParams());
    return out.toString();
  }

  private static void footer(StringBuilder out, String label, long params) {
    out.append(' ').append(label).append(": ").append(Numbers.grouped(params))
        .append(" (").append(Numbers.float32Size(params)).append(")\n");
  }
}
