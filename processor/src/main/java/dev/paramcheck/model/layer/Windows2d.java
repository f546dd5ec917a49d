package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * The output of a layer that slides a window over an image's height and width, as Keras's {@code
 * compute_conv_output_shape} and {@code compute_pooling_output_shape} (keras/src/ops/operation_utils.py):
 * VALID {@code (L - window) // stride + 1}, SAME {@code (L - 1) // stride + 1}, {@code None} stays
 * {@code None}.
 */
final class Windows2d {
  private Windows2d() {}

  static Step output(
      Shape input, Context context, Padding padding, List<Integer> window, List<Integer> strides,
      String attribute, long channels) {
    if (input.rank() != 3) {
      return Step.refuse(Message.IMAGE_NEEDED, null, context.ref(), context.previous(), input);
    }
    long[] out = new long[3];
    for (int axis = 0; axis < 2; axis++) {
      long size = input.dim(axis);
      int w = axis == 0 ? Shapes.first(window) : Shapes.second(window);
      int s = axis == 0 ? Shapes.first(strides) : Shapes.second(strides);
      if (size == Shape.UNKNOWN) {
        out[axis] = Shape.UNKNOWN;
      } else if (padding == Padding.VALID) {
        if (size < w) {
          return Step.refuse(Message.WINDOW_TOO_LARGE, attribute, context.ref(), input,
              attribute + " " + window + " is larger than the input's " + (axis == 0 ? "height " : "width ") + size);
        }
        out[axis] = (size - w) / s + 1;
      } else {
        out[axis] = (size - 1) / s + 1;
      }
    }
    out[2] = channels;
    return Step.of(Shape.of(out));
  }
}
