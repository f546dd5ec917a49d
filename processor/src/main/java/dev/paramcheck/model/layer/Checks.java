package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Collects the refusals of a layer's values, one call per rule. */
final class Checks {
  private final Context context;
  private final List<Refusal> refusals = new ArrayList<>(2);

  Checks(Context context) {
    this.context = context;
  }

  /** {@code value} must be at least 1; {@code hint} ends the message. */
  Checks positive(String attribute, long value, String hint) {
    if (value < 1) {
      refusals.add(Refusal.of(Message.INVALID_VALUE, attribute, attribute, value, context.ref(), attribute, hint));
    }
    return this;
  }

  Checks positive(String attribute, long value) {
    return positive(attribute, value, "");
  }

  /** {@code features} and {@code timesteps}, where written, must be at least 1. */
  Checks input(ModelInput input) {
    if (input.features().isPresent()) {
      positive(
          "features",
          input.features().getAsInt(),
          " (the size of the input's last axis; leave it out on a later layer to infer it)");
    }
    OptionalInt timesteps = input.timesteps();
    if (timesteps.isPresent()) {
      positive("timesteps", timesteps.getAsInt(), " (the length of the input's time axis; leave it out if unknown)");
    }
    return this;
  }

  Checks add(Refusal refusal) {
    refusals.add(refusal);
    return this;
  }

  Context context() {
    return context;
  }

  List<Refusal> result() {
    return List.copyOf(refusals);
  }
}
