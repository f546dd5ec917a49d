package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One weight tensor of a layer, its shape and its size.
 *
 * @param key the constant-name part, as Keras names the weight: {@code KERNEL}, {@code
 *     RECURRENT_KERNEL}, {@code BIAS}, {@code EMBEDDINGS}, {@code GAMMA}, {@code BETA}, {@code
 *     MOVING_MEAN}, {@code MOVING_VARIANCE}; prefixed with {@code FORWARD_} or {@code BACKWARD_}
 *     in a bidirectional layer
 * @param shape the tensor's shape in the model's convention (Keras's {@code (in, out)} kernel,
 *     PyTorch's {@code (out, in)} weight); empty for a scalar or an absent weight
 * @param count the number of parameters: the product of {@code shape}, or 0 for a weight the
 *     layer's flags leave out, such as the bias with {@code useBias = false} (the constant exists
 *     whatever the flags)
 * @param trainable whether training updates it
 */
public record Weight(String key, List<Long> shape, long count, boolean trainable) {
  public Weight {
    shape = List.copyOf(shape);
  }

  /**
   * A weight of this shape. Exact: a size that does not fit in a {@code long} throws {@link
   * ArithmeticException}.
   */
  public static Weight of(String key, boolean trainable, long... shape) {
    List<Long> dims = new ArrayList<>(shape.length);
    long count = 1;
    for (long d : shape) {
      dims.add(d);
      count = Math.multiplyExact(count, d);
    }
    return new Weight(key, dims, count, trainable);
  }

  /** A weight of this shape when {@code present}, else an absent one (count 0, no shape). */
  public static Weight optional(String key, boolean present, boolean trainable, long... shape) {
    return present ? of(key, trainable, shape) : new Weight(key, List.of(), 0, trainable);
  }

  /** Whether the layer has this weight (a bias left out by {@code useBias = false} does not). */
  public boolean present() {
    return count > 0 || shape.isEmpty() && count == 1;
  }

  public Weight renamed(String newKey) {
    return new Weight(newKey, shape, count, trainable);
  }
}
