package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code GlobalMaxPooling1D()}: the maximum over time of each feature. */
public record GlobalMaxPooling1dLayer() implements GlobalPooling1d {
  static GlobalMaxPooling1dLayer from(Attributes a) {
    return new GlobalMaxPooling1dLayer();
  }

  @Override
  public String kerasClass() {
    return "GlobalMaxPooling1D";
  }

  @Override
  public String defaultName() {
    return "global_max_pooling1d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AdaptiveMaxPool1d");
  }

  @Override
  public String annotation() {
    return "GlobalMaxPooling1d";
  }
}
