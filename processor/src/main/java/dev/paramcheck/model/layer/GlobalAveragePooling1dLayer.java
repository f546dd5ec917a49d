package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code GlobalAveragePooling1D()}: the average over time of each feature. */
public record GlobalAveragePooling1dLayer() implements GlobalPooling1d {
  static GlobalAveragePooling1dLayer from(Attributes a) {
    return new GlobalAveragePooling1dLayer();
  }

  @Override
  public String kerasClass() {
    return "GlobalAveragePooling1D";
  }

  @Override
  public String defaultName() {
    return "global_average_pooling1d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AdaptiveAvgPool1d");
  }

  @Override
  public String annotation() {
    return "GlobalAveragePooling1d";
  }

  /** Its Keras {@code call} takes a {@code mask}. */
  @Override
  public boolean takesMask() {
    return true;
  }
}
