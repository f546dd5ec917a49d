package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code GlobalMaxPooling2D()}: no weights. */
public record GlobalMaxPooling2dLayer() implements GlobalPooling2d {
  static GlobalMaxPooling2dLayer from(Attributes a) {
    return new GlobalMaxPooling2dLayer();
  }

  @Override
  public String kerasClass() {
    return "GlobalMaxPooling2D";
  }

  @Override
  public String defaultName() {
    return "global_max_pooling2d";
  }

  @Override
  public String annotation() {
    return "GlobalMaxPooling2d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AdaptiveMaxPool2d");
  }
}
