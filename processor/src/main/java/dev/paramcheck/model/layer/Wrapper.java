package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.OptionalInt;

/**
 * A Keras wrapper layer around the layer annotated beside it: it takes the wrapped layer's
 * input declaration, values and messages, needs a time axis, and changes the rest.
 */
public sealed interface Wrapper extends Layer, ModelInput permits BidirectionalLayer, TimeDistributedLayer {
  /** The wrapped layer. */
  Layer inner();

  /** The wrapped layer as the model's input: its {@code features} and {@code timesteps}. */
  ModelInput innerInput();

  @Override
  default Layer core() {
    return inner();
  }

  @Override
  default String annotation() {
    return inner().annotation();
  }

  @Override
  default OptionalInt features() {
    return innerInput().features();
  }

  @Override
  default OptionalInt timesteps() {
    return innerInput().timesteps();
  }

  @Override
  default List<Refusal> checkValues(Context context) {
    return inner().checkValues(context);
  }

  @Override
  default boolean needsSequence() {
    return true;
  }

  @Override
  default String sizes(Shape input) {
    return inner().sizes(input);
  }
}
