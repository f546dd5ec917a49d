package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code SpatialDropout1D(rate)} (keras/src/layers/regularization/spatial_dropout.py: {@code
 * InputSpec(ndim=3)}): drops whole features across time; no weights, the input's shape.
 */
public record SpatialDropout1dLayer(double rate) implements Layer {
  static SpatialDropout1dLayer from(Attributes a) {
    return new SpatialDropout1dLayer(a.real("rate"));
  }

  @Override
  public String kerasClass() {
    return "SpatialDropout1D";
  }

  @Override
  public String defaultName() {
    return "spatial_dropout1d";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("Dropout1d");
  }

  @Override
  public String annotation() {
    return "SpatialDropout1d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return DropoutLayer.checkRate(rate, context);
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(input);
  }

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }
}
