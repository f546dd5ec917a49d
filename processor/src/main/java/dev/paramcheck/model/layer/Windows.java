package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The output length of a layer that slides a window over the time axis, as Keras's {@code
 * compute_conv_output_shape} and {@code compute_pooling_output_shape} (keras/src/ops/operation_utils.py):
 * VALID {@code (L - span) // strides + 1}, SAME and CAUSAL {@code (L - 1) // strides + 1}.
 */
final class Windows {
  private Windows() {}

  /**
   * The output for {@code input}, or a refusal when VALID padding leaves no step.
   *
   * @param span the time steps one window covers
   * @param window how the message names the window, such as {@code poolSize 5}
   * @param attribute the attribute the refusal points at
   */
  static Step output(
      Shape input,
      Context context,
      Padding padding,
      long span,
      int strides,
      String window,
      String attribute,
      Function<OptionalLong, Shape> shape) {
    if (input.timesteps().isEmpty()) {
      return Step.of(shape.apply(OptionalLong.empty()));
    }
    long length = input.timesteps().getAsLong();
    if (padding == Padding.VALID) {
      if (length < span) {
        return Step.refuse(
            Message.WINDOW_TOO_LONG, attribute, context.ref(), window, span, length, context.previous(), attribute);
      }
      return Step.of(shape.apply(OptionalLong.of((length - span) / strides + 1)));
    }
    return Step.of(shape.apply(OptionalLong.of((length - 1) / strides + 1)));
  }
}
