package dev.paramcheck.model;

import java.util.List;

/**
 * A counted model. Every parameter paramcheck counts is trainable, as in Keras for these layers;
 * the non-trainable count is kept so the summary reads like Keras's.
 */
public record ModelSummary(String name, List<LayerSummary> layers, long totalParams) {
  public ModelSummary {
    layers = List.copyOf(layers);
  }

  public long trainableParams() {
    return totalParams;
  }

  public long nonTrainableParams() {
    return 0;
  }
}
