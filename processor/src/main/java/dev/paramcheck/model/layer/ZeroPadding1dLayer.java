package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code ZeroPadding1D(padding)} (keras/src/layers/reshaping/zero_padding1d.py): no weights;
 * {@code (None, T, f)} gives {@code (None, T + left + right, f)}.
 */
public record ZeroPadding1dLayer(List<Integer> padding) implements Layer {
  static ZeroPadding1dLayer from(Attributes a) {
    return new ZeroPadding1dLayer(a.ints("padding"));
  }

  @Override
  public String kerasClass() {
    return "ZeroPadding1D";
  }

  @Override
  public String defaultName() {
    return "zero_padding1d";
  }

  @Override
  public String annotation() {
    return "ZeroPadding1d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return Shapes.checkPair(padding, "padding", 0, context);
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    long t = input.dim(0);
    long length = t == Shape.UNKNOWN ? t : t + Shapes.first(padding) + Shapes.second(padding);
    return Step.of(Shape.of(length, input.features()));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module("ZeroPad1d");
  }
}
