package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code Subtract()}: an element-wise merge without weights (keras/src/layers/merging/subtract.py). */
public record SubtractLayer() implements Merge {
  static SubtractLayer from(Attributes a) {
    return new SubtractLayer();
  }

  @Override
  public String kerasClass() {
    return "Subtract";
  }

  @Override
  public String arity() {
    return "exactly two inputs";
  }

  @Override
  public boolean accepts(int count) {
    return count == 2;
  }
}
