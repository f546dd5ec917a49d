package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * Keras {@code LayerNormalization()} on the last axis
 * (keras/src/layers/normalization/layer_normalization.py, {@code build()}: {@code gamma} if {@code
 * scale}, {@code beta} if {@code center}, each of {@code shape = (input_shape[-1],)}).
 */
public record LayerNormalizationLayer(boolean center, boolean scale, boolean trainable) implements Normalization {
  static LayerNormalizationLayer from(Attributes a) {
    return new LayerNormalizationLayer(a.flag("center"), a.flag("scale"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "LayerNormalization";
  }

  @Override
  public String defaultName() {
    return "layer_normalization";
  }

  @Override
  public String torchModule() {
    return "LayerNorm";
  }

  @Override
  public String annotation() {
    return "LayerNormalization";
  }

  @Override
  public List<Weight> weights(Shape input) {
    long f = input.features();
    return List.of(Weight.optional("GAMMA", scale, trainable, f), Weight.optional("BETA", center, trainable, f));
  }

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }
}
