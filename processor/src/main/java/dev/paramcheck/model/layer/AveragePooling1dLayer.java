package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;

/** Keras {@code AveragePooling1D(pool_size)}: the average of each window. */
public record AveragePooling1dLayer(int poolSize, int strides, Padding padding) implements Pooling1d {
  static AveragePooling1dLayer from(Attributes a) {
    return new AveragePooling1dLayer(a.integer("poolSize"), a.integer("strides"), a.constant("padding", Padding.class));
  }

  @Override
  public String kerasClass() {
    return "AveragePooling1D";
  }

  @Override
  public String defaultName() {
    return "average_pooling1d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AvgPool1d");
  }

  @Override
  public String annotation() {
    return "AveragePooling1d";
  }
}
