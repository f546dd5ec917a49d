package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras's 1D pooling layers (keras/src/layers/pooling/base_pooling.py): no weights; the output
 * keeps the features and its length is {@code compute_pooling_output_shape}'s. {@code strides}
 * defaults to the pool size ({@code strides=None}); padding is VALID or SAME only (Keras stores it
 * as given and {@code compute_pooling_output_shape} refuses causal; paramcheck refuses it on the
 * value, before the shapes).
 */
public sealed interface Pooling1d extends Layer permits MaxPooling1dLayer, AveragePooling1dLayer {
  int poolSize();

  /** As written: {@code -1} means {@link #poolSize()}. */
  int strides();

  Padding padding();

  @Override
  default List<Refusal> checkValues(Context context) {
    Checks checks = new Checks(context).positive("poolSize", poolSize());
    if (strides() != -1) {
      checks.positive("strides", strides(), " (or -1, the default, for the pool size)");
    }
    if (padding() == Padding.CAUSAL) {
      checks.add(Refusal.of(Message.CAUSAL_POOLING, "padding", context.ref()));
    }
    return checks.result();
  }

  @Override
  default boolean needsSequence() {
    return true;
  }

  @Override
  default Step output(Shape input, Context context) {
    int step = strides() == -1 ? poolSize() : strides();
    return Windows.output(
        input, context, padding(), poolSize(), step, "poolSize " + poolSize(), "poolSize",
        length -> Shape.sequence(length, input.features()));
  }
}
