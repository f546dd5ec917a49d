package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Minimum()}: an element-wise merge without weights (keras/src/layers/merging/minimum.py). */
public record MinimumLayer() implements Merge {
  static MinimumLayer from(Attributes a) {
    return new MinimumLayer();
  }

  @Override
  public String kerasClass() {
    return "Minimum";
  }
}
