package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Multiply()}: an element-wise merge without weights (keras/src/layers/merging/multiply.py). */
public record MultiplyLayer() implements Merge {
  static MultiplyLayer from(Attributes a) {
    return new MultiplyLayer();
  }

  @Override
  public String kerasClass() {
    return "Multiply";
  }
}
