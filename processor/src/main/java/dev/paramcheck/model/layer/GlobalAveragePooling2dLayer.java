package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;

/** Keras {@code GlobalAveragePooling2D()}: no weights. */
public record GlobalAveragePooling2dLayer() implements GlobalPooling2d {
  static GlobalAveragePooling2dLayer from(Attributes a) {
    return new GlobalAveragePooling2dLayer();
  }

  @Override
  public String kerasClass() {
    return "GlobalAveragePooling2D";
  }

  @Override
  public String defaultName() {
    return "global_average_pooling2d";
  }

  @Override
  public String annotation() {
    return "GlobalAveragePooling2d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AdaptiveAvgPool2d");
  }
}
