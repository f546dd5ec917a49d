package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Add()}: an element-wise merge without weights (keras/src/layers/merging/add.py). */
public record AddLayer() implements Merge {
  static AddLayer from(Attributes a) {
    return new AddLayer();
  }

  @Override
  public String kerasClass() {
    return "Add";
  }
}
