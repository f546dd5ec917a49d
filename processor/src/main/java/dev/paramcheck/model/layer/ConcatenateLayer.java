package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Concatenate(axis)} (keras/src/layers/merging/concatenate.py): no weights; every
 * input has the same rank and the same sizes except on {@code axis} ({@code None} matches any),
 * whose sizes add up ({@code None} if one is unknown); the other sizes are the first input's, as
 * Keras's {@code compute_output_shape} (104-120) takes them, {@code None} included.
 */
public record ConcatenateLayer(int axis) implements MultiInput {
  static ConcatenateLayer from(Attributes a) {
    return new ConcatenateLayer(a.integer("axis"));
  }

  @Override
  public OutputMask outputMask() {
    return OutputMask.CONCATENATE;
  }

  @Override
  public String kerasClass() {
    return "Concatenate";
  }

  @Override
  public String defaultName() {
    return "concatenate";
  }

  @Override
  public String annotation() {
    return "Concatenate";
  }

  @Override
  public Step output(List<Shape> inputs, Context context) {
    int rank = inputs.get(0).rank();
    for (Shape s : inputs) {
      if (s.rank() != rank) {
        return Step.refuse(Message.MERGE_SHAPES, null, context.ref(), Merges.list(inputs),
            "Keras requires inputs of the same rank to concatenate; reshape one of them");
      }
    }
    int at = Merges.axis(axis, rank);
    if (at < 0) {
      return Step.refuse(Message.MERGE_SHAPES, "axis", context.ref(), Merges.list(inputs),
          "axis = " + axis + " is not an axis of these inputs (1 to " + rank + ", or -1 to -" + rank
              + " from the end; 0 is the batch)");
    }
    List<Long> out = new ArrayList<>(inputs.get(0).dims());
    long sum = 0;
    for (Shape s : inputs) {
      long d = s.dim(at);
      sum = sum == Shape.UNKNOWN || d == Shape.UNKNOWN ? Shape.UNKNOWN : Math.addExact(sum, d);
    }
    for (int i = 0; i < rank; i++) {
      if (i == at) {
        continue;
      }
      long known = Shape.UNKNOWN;
      for (Shape s : inputs) {
        long d = s.dim(i);
        if (d == Shape.UNKNOWN) {
          continue;
        }
        if (known != Shape.UNKNOWN && known != d) {
          return Step.refuse(Message.MERGE_SHAPES, "axis", context.ref(), Merges.list(inputs),
              "Keras requires matching shapes except for the concatenation axis (axis = " + axis
                  + "), but axis " + (i + 1) + " has " + known + " and " + d
                  + "; concatenate on the axis that differs, or make the others equal");
        }
        known = d;
      }
      // Keras keeps the first input's size (concatenate.py 104-120, compute_output_shape), even
      // where it is None and another input's is known
    }
    out.set(at, sum);
    return Step.of(new Shape(out));
  }
}
