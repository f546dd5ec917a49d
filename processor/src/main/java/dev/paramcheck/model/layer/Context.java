package dev.paramcheck.model.layer;

/**
 * Where a layer is, for its messages.
 *
 * @param ref this layer, such as {@code layer 'encoder' (LSTM)}
 * @param position its position in the model, from 1
 * @param previous the layer before it, or {@code the model's input} for the first layer
 * @param functional whether the model is a functional one (it has an {@code @Input}), where a
 *     layer's place in the declaration does not decide what it takes
 */
public record Context(String ref, int position, String previous, boolean functional) {
  public Context(String ref, int position, String previous) {
    this(ref, position, previous, false);
  }
}
