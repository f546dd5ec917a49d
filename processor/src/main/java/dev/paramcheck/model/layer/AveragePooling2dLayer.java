package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;
import java.util.List;

/** Keras {@code AveragePooling2D(pool_size, strides, padding)}: no weights. */
public record AveragePooling2dLayer(List<Integer> poolSize, List<Integer> strides, Padding padding) implements Pooling2d {
  static AveragePooling2dLayer from(Attributes a) {
    return new AveragePooling2dLayer(a.ints("poolSize"), a.ints("strides"), a.constant("padding", Padding.class));
  }

  @Override
  public String kerasClass() {
    return "AveragePooling2D";
  }

  @Override
  public String defaultName() {
    return "average_pooling2d";
  }

  @Override
  public String annotation() {
    return "AveragePooling2d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("AvgPool2d");
  }
}
