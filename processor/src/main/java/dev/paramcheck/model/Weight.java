package dev.paramcheck.model;

/**
 * One weight tensor of a layer and its size.
 *
 * @param key the constant-name part, as Keras names the weight: {@code KERNEL}, {@code
 *     RECURRENT_KERNEL}, {@code BIAS}, {@code EMBEDDINGS}, {@code GAMMA}, {@code BETA}, {@code
 *     MOVING_MEAN}, {@code MOVING_VARIANCE}; prefixed with {@code FORWARD_} or {@code BACKWARD_}
 *     in a bidirectional layer
 * @param count the number of parameters (0 for a weight the layer's flags leave out, such as the
 *     bias with {@code useBias = false}: the constant exists whatever the flags)
 * @param trainable whether training updates it
 */
public record Weight(String key, long count, boolean trainable) {
  public Weight renamed(String newKey) {
    return new Weight(newKey, count, trainable);
  }
}
