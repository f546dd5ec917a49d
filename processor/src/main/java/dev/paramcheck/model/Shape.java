package dev.paramcheck.model;

/**
 * The shape of a layer's output, without the batch axis: a sequence ({@code (None, None, f)},
 * time length unknown) or a vector ({@code (None, f)}).
 *
 * @param sequence whether there is a time axis
 * @param features size of the last axis
 */
public record Shape(boolean sequence, long features) {
  /** As Keras prints it, with {@code None} for the batch and for the time axis. */
  @Override
  public String toString() {
    return sequence ? "(None, None, " + features + ")" : "(None, " + features + ")";
  }
}
