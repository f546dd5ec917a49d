package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;

/**
 * Keras's global 1D pooling layers (keras/src/layers/pooling/base_global_pooling.py, {@code
 * keepdims=False}): no weights; they remove the time axis and keep the features.
 */
public sealed interface GlobalPooling1d extends Layer permits GlobalMaxPooling1dLayer, GlobalAveragePooling1dLayer {
  @Override
  default boolean needsSequence() {
    return true;
  }

  @Override
  default Step output(Shape input, Context context) {
    return Step.of(Shape.vector(input.features()));
  }
}
