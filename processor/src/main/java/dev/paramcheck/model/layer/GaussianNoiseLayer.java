package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code GaussianNoise(stddev)} (keras/src/layers/regularization/gaussian_noise.py, line 30 at
 * 266c0c2: {@code if not 0 <= stddev <= 1: raise ValueError}; {@code compute_output_shape} returns
 * the input's): no weights, the input's shape.
 */
public record GaussianNoiseLayer(double stddev) implements Layer {
  static GaussianNoiseLayer from(Attributes a) {
    return new GaussianNoiseLayer(a.real("stddev"));
  }

  @Override
  public String kerasClass() {
    return "GaussianNoise";
  }

  @Override
  public String defaultName() {
    return "gaussian_noise";
  }

  @Override
  public String annotation() {
    return "GaussianNoise";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return stddev >= 0 && stddev <= 1
        ? List.of()
        : List.of(Refusal.of(Message.STDDEV_OUT_OF_RANGE, "stddev", stddev, context.ref()));
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
