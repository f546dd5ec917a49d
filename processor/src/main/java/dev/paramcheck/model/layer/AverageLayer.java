package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Average()}: an element-wise merge without weights (keras/src/layers/merging/average.py). */
public record AverageLayer() implements Merge {
  static AverageLayer from(Attributes a) {
    return new AverageLayer();
  }

  @Override
  public String kerasClass() {
    return "Average";
  }
}
