package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;

/** What a layer does with its input: gives an output, or refuses the input. */
public sealed interface Step {
  /** The layer's output. */
  record Output(Shape shape) implements Step {}

  /** The layer cannot take this input; its output is unknown. */
  record Refused(Refusal refusal) implements Step {}

  static Step of(Shape shape) {
    return new Output(shape);
  }

  static Step refuse(dev.paramcheck.model.Message message, String attribute, Object... args) {
    return new Refused(Refusal.of(message, attribute, args));
  }
}
