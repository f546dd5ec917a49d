package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * Keras {@code BatchNormalization()} (keras/src/layers/normalization/batch_normalization.py,
 * {@code build()}: {@code shape = (input_shape[self.axis],)}; {@code gamma} if {@code scale},
 * {@code beta} if {@code center}, then {@code moving_mean} and {@code moving_variance} with {@code
 * trainable=False}). The moving statistics are never trainable.
 */
public record BatchNormalizationLayer(boolean center, boolean scale, boolean trainable) implements Normalization {
  static BatchNormalizationLayer from(Attributes a) {
    return new BatchNormalizationLayer(a.flag("center"), a.flag("scale"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "BatchNormalization";
  }

  @Override
  public String defaultName() {
    return "batch_normalization";
  }

  @Override
  public String torchModule() {
    return "BatchNorm1d";
  }

  @Override
  public String annotation() {
    return "BatchNormalization";
  }

  @Override
  public List<Weight> weights(Shape input) {
    long f = input.features();
    return List.of(
        Weight.optional("GAMMA", scale, trainable, f),
        Weight.optional("BETA", center, trainable, f),
        Weight.of("MOVING_MEAN", false, f),
        Weight.of("MOVING_VARIANCE", false, f));
  }

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }

  /** Its Keras {@code call} takes a {@code mask}. */
  @Override
  public boolean takesMask() {
    return true;
  }
}
