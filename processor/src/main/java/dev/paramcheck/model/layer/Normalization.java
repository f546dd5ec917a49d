package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;

/** Keras's normalization layers on the last axis: no change of shape, weights per feature. */
public sealed interface Normalization extends Layer permits BatchNormalizationLayer, LayerNormalizationLayer {
  boolean center();

  boolean scale();

  boolean trainable();

  @Override
  default Step output(Shape input, Context context) {
    return Step.of(input);
  }
}
