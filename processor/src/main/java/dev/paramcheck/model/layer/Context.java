package dev.paramcheck.model.layer;

/**
 * Where a layer is, for its messages.
 *
 * @param ref this layer, such as {@code layer 'encoder' (LSTM)}
 * @param position its position in the model, from 1
 * @param previous the layer before it, or {@code the model's input} for the first layer
 */
public record Context(String ref, int position, String previous) {}
