package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Maximum()}: an element-wise merge without weights (keras/src/layers/merging/maximum.py). */
public record MaximumLayer() implements Merge {
  static MaximumLayer from(Attributes a) {
    return new MaximumLayer();
  }

  @Override
  public String kerasClass() {
    return "Maximum";
  }
}
