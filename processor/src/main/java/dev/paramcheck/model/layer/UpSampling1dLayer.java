package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code UpSampling1D(size)} (keras/src/layers/reshaping/up_sampling1d.py): no weights; each
 * step repeated {@code size} times.
 */
public record UpSampling1dLayer(int size) implements Layer {
  static UpSampling1dLayer from(Attributes a) {
    return new UpSampling1dLayer(a.integer("size"));
  }

  @Override
  public String kerasClass() {
    return "UpSampling1D";
  }

  @Override
  public String defaultName() {
    return "up_sampling1d";
  }

  @Override
  public String annotation() {
    return "UpSampling1d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("size", size).result();
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    long t = input.dim(0);
    return Step.of(Shape.of(t == Shape.UNKNOWN ? t : Math.multiplyExact(t, size), input.features()));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module("Upsample");
  }
}
