package dev.paramcheck.model;

import java.util.OptionalLong;

/**
 * The shape of a layer's output, without the batch axis: a sequence {@code (None, T, f)}, whose
 * length {@code T} is known when the model declares {@code timesteps}, or a vector {@code (None,
 * f)}.
 *
 * @param sequence whether there is a time axis
 * @param timesteps the time axis's length, when there is one and it is known
 * @param features size of the last axis
 */
public record Shape(boolean sequence, OptionalLong timesteps, long features) {
  public Shape {
    if (!sequence && timesteps.isPresent()) {
      throw new IllegalArgumentException("a vector has no time axis");
    }
  }

  public static Shape vector(long features) {
    return new Shape(false, OptionalLong.empty(), features);
  }

  public static Shape sequence(OptionalLong timesteps, long features) {
    return new Shape(true, timesteps, features);
  }

  /** The same time axis (or none) with other features. */
  public Shape withFeatures(long newFeatures) {
    return new Shape(sequence, timesteps, newFeatures);
  }

  /** How many positions a per-step layer is applied at: the length, or 1 for a vector. */
  public OptionalLong positions() {
    return sequence ? timesteps : OptionalLong.of(1);
  }

  /** As Keras prints it, with {@code None} for the batch and for an unknown length. */
  @Override
  public String toString() {
    if (!sequence) {
      return "(None, " + features + ")";
    }
    return "(None, " + (timesteps.isPresent() ? Long.toString(timesteps.getAsLong()) : "None") + ", " + features + ")";
  }
}
