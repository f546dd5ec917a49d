package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;

/**
 * Keras's global 2D pooling layers (keras/src/layers/pooling/base_global_pooling.py, {@code
 * keepdims=False}): no weights; they remove height and width and keep the channels.
 */
public sealed interface GlobalPooling2d extends Layer permits GlobalMaxPooling2dLayer, GlobalAveragePooling2dLayer {
  @Override
  default Step output(Shape input, Context context) {
    if (input.rank() != 3) {
      return Step.refuse(Message.IMAGE_NEEDED, null, context.ref(), context.previous(), input);
    }
    return Step.of(Shape.vector(input.features()));
  }
}
