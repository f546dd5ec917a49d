package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code Dropout(rate)} (keras/src/layers/regularization/dropout.py: {@code if not 0 <= rate
 * <= 1: raise ValueError}): no weights, the input's shape. Its seed generator's state is a
 * variable but not a weight, so Keras counts 0.
 */
public record DropoutLayer(double rate) implements Layer {
  static DropoutLayer from(Attributes a) {
    return new DropoutLayer(a.real("rate"));
  }

  /** Keras's rule, shared with {@code SpatialDropout1D}; NaN is outside too. */
  static List<Refusal> checkRate(double rate, Context context) {
    return rate >= 0 && rate <= 1
        ? List.of()
        : List.of(Refusal.of(Message.RATE_OUT_OF_RANGE, "rate", rate, context.ref()));
  }

  @Override
  public String kerasClass() {
    return "Dropout";
  }

  @Override
  public String defaultName() {
    return "dropout";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("Dropout");
  }

  @Override
  public String annotation() {
    return "Dropout";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return checkRate(rate, context);
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
