package dev.paramcheck.model;

/**
 * One weight tensor of a layer and its size.
 *
 * @param key the constant-name part, as Keras names the weight: {@code KERNEL} (the input
 *     weights), {@code RECURRENT_KERNEL}, {@code BIAS}, {@code EMBEDDINGS}; prefixed with {@code
 *     FORWARD_} or {@code BACKWARD_} in a bidirectional layer
 * @param count the number of parameters
 */
public record Weight(String key, long count) {}
