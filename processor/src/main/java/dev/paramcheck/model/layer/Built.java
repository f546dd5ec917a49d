package dev.paramcheck.model.layer;

/** A layer read from its annotations, or why it cannot be built. */
public sealed interface Built {
  record Ok(Layer layer) implements Built {}

  record Refused(Refusal refusal) implements Built {}
}
