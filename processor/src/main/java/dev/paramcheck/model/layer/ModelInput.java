package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A layer that can take the model's input: as the first layer, {@code features} and {@code
 * timesteps} declare it; on a later layer, each written one is checked against what the layers
 * before produce.
 */
public interface ModelInput {
  /** {@code features}, when written. */
  OptionalInt features();

  /** {@code timesteps}, when written. */
  OptionalInt timesteps();

  /** The annotation whose {@code features} declares the input, for the message that asks for it. */
  String annotation();

  /**
   * The model's input when this is the first layer: a sequence of {@code features}, of {@code
   * timesteps} when written. A first {@code Dense} overrides it: a vector unless {@code timesteps}
   * is written.
   */
  default Step input(Context context) {
    if (features().isEmpty()) {
      return Step.refuse(Message.MISSING_FEATURES, null, context.ref(), annotation());
    }
    return Step.of(Shape.sequence(length(), features().getAsInt()));
  }

  /** {@code timesteps} as a length. */
  default OptionalLong length() {
    return timesteps().isPresent() ? OptionalLong.of(timesteps().getAsInt()) : OptionalLong.empty();
  }
}
