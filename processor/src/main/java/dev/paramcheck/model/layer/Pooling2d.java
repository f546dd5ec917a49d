package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's 2D pooling layers (keras/src/layers/pooling/base_pooling.py): no weights; strides default
 * to the pool size; the channels are kept.
 */
public sealed interface Pooling2d extends Layer permits MaxPooling2dLayer, AveragePooling2dLayer {
  List<Integer> poolSize();

  /** As written: empty means {@link #poolSize()}. */
  List<Integer> strides();

  Padding padding();

  @Override
  default List<Refusal> checkValues(Context context) {
    List<Refusal> refusals = new ArrayList<>(Shapes.checkPair(poolSize(), "poolSize", 1, context));
    if (!strides().isEmpty()) {
      refusals.addAll(Shapes.checkPair(strides(), "strides", 1, context));
    }
    if (padding() == Padding.CAUSAL) {
      refusals.add(Refusal.of(Message.CAUSAL_POOLING, "padding", context.ref()));
    }
    return refusals;
  }

  @Override
  default Step output(Shape input, Context context) {
    return Windows2d.output(input, context, padding(), poolSize(), strides().isEmpty() ? poolSize() : strides(),
        "poolSize", input.features());
  }
}
