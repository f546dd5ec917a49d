package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.OptionalInt;

/** Keras {@code Masking(mask_value)} (keras/src/layers/core/masking.py): no weights, the input's shape. */
public record MaskingLayer(double maskValue, OptionalInt features, OptionalInt timesteps) implements Layer, ModelInput {
  static MaskingLayer from(Attributes a) {
    return new MaskingLayer(a.real("maskValue"), a.ifWritten("features"), a.ifWritten("timesteps"));
  }

  @Override
  public String kerasClass() {
    return "Masking";
  }

  @Override
  public String defaultName() {
    return "masking";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("Masking");
  }

  @Override
  public String annotation() {
    return "Masking";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).input(this).result();
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(input);
  }
}
