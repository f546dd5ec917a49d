package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;
import java.util.List;

/** Keras {@code MaxPooling2D(pool_size, strides, padding)}: no weights. */
public record MaxPooling2dLayer(List<Integer> poolSize, List<Integer> strides, Padding padding) implements Pooling2d {
  static MaxPooling2dLayer from(Attributes a) {
    return new MaxPooling2dLayer(a.ints("poolSize"), a.ints("strides"), a.constant("padding", Padding.class));
  }

  @Override
  public String kerasClass() {
    return "MaxPooling2D";
  }

  @Override
  public String defaultName() {
    return "max_pooling2d";
  }

  @Override
  public String annotation() {
    return "MaxPooling2d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("MaxPool2d");
  }
}
