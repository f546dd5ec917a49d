package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;

/** Keras {@code MaxPooling1D(pool_size)}: the maximum of each window. */
public record MaxPooling1dLayer(int poolSize, int strides, Padding padding) implements Pooling1d {
  static MaxPooling1dLayer from(Attributes a) {
    return new MaxPooling1dLayer(a.integer("poolSize"), a.integer("strides"), a.constant("padding", Padding.class));
  }

  @Override
  public String kerasClass() {
    return "MaxPooling1D";
  }

  @Override
  public String defaultName() {
    return "max_pooling1d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("MaxPool1d");
  }

  @Override
  public String annotation() {
    return "MaxPooling1d";
  }
}
