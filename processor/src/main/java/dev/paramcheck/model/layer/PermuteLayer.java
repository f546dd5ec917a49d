package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Permute(dims)} (keras/src/layers/reshaping/permute.py): no weights; {@code dims} is a
 * permutation of {@code 1..rank} and output axis {@code i} is input axis {@code dims[i]}.
 */
public record PermuteLayer(List<Integer> dims) implements Layer {
  static PermuteLayer from(Attributes a) {
    return new PermuteLayer(a.ints("dims"));
  }

  @Override
  public String kerasClass() {
    return "Permute";
  }

  @Override
  public String defaultName() {
    return "permute";
  }

  @Override
  public String annotation() {
    return "Permute";
  }

  @Override
  public Step output(Shape input, Context context) {
    int rank = input.rank();
    boolean[] seen = new boolean[rank + 1];
    boolean valid = dims.size() == rank;
    for (int d : dims) {
      valid &= d >= 1 && d <= rank && !seen[d];
      if (d >= 1 && d <= rank) {
        seen[d] = true;
      }
    }
    if (!valid) {
      return Step.refuse(Message.PERMUTE_INVALID, "dims", dims, context.ref(), rank, input, rank);
    }
    List<Long> out = new ArrayList<>(rank);
    for (int d : dims) {
      out.add(input.dim(d - 1));
    }
    return Step.of(new Shape(out));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
