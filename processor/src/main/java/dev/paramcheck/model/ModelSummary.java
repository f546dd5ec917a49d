package dev.paramcheck.model;

import java.util.List;

/**
 * A counted model: its layers and exact totals.
 *
 * @param trainableParams what training updates: every weight of a layer with {@code trainable =
 *     true}, except BatchNormalization's moving statistics
 */
public record ModelSummary(String name, List<LayerSummary> layers, long totalParams, long trainableParams) {
  public ModelSummary {
    layers = List.copyOf(layers);
  }

  public long nonTrainableParams() {
    return totalParams - trainableParams;
  }
}
