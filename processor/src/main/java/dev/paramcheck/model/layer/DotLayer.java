package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Dot(axes, normalize)} (keras/src/layers/merging/dot.py): no weights; exactly two
 * inputs whose sizes on the given axes are equal ("Incompatible input shapes"); the output is the
 * first shape without its axis and the second without its axis, {@code (None, 1)} when nothing is
 * left.
 */
public record DotLayer(List<Integer> axes, boolean normalize) implements MultiInput {
  static DotLayer from(Attributes a) {
    return new DotLayer(a.ints("axes"), a.flag("normalize"));
  }

  @Override
  public OutputMask outputMask() {
    return OutputMask.NONE;
  }

  @Override
  public String kerasClass() {
    return "Dot";
  }

  @Override
  public String defaultName() {
    return "dot";
  }

  @Override
  public String annotation() {
    return "Dot";
  }

  @Override
  public String arity() {
    return "exactly two inputs";
  }

  @Override
  public boolean accepts(int count) {
    return count == 2;
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    if (axes.isEmpty() || axes.size() > 2) {
      return List.of(Refusal.of(Message.INVALID_VALUE, "axes", "axes", axes, context.ref(), "the number of axes",
          " (one axis for both inputs, or one per input)"));
    }
    return List.of();
  }

  @Override
  public Step output(List<Shape> inputs, Context context) {
    Shape a = inputs.get(0);
    Shape b = inputs.get(1);
    int first = axes.get(0);
    int second = axes.size() == 2 ? axes.get(1) : first;
    int i = Merges.axis(first, a.rank());
    int j = Merges.axis(second, b.rank());
    if (i < 0 || j < 0) {
      return Step.refuse(Message.MERGE_SHAPES, "axes", context.ref(), Merges.list(inputs),
          "axes = " + axes + " are not axes of these inputs (from 1, or negative from the end)");
    }
    long x = a.dim(i);
    long y = b.dim(j);
    if (x != y) {
      return Step.refuse(Message.MERGE_SHAPES, "axes", context.ref(), Merges.list(inputs),
          "Keras's \"Incompatible input shapes\": axis " + (i + 1) + " of the first has " + dim(x)
              + " and axis " + (j + 1) + " of the second has " + dim(y) + "; the sizes on the axes must be equal");
    }
    List<Long> out = new ArrayList<>(a.dims());
    out.remove(i);
    List<Long> rest = new ArrayList<>(b.dims());
    rest.remove(j);
    out.addAll(rest);
    if (out.isEmpty()) {
      out.add(1L);
    }
    return Step.of(new Shape(out));
  }

  private static String dim(long d) {
    return d == Shape.UNKNOWN ? "None" : Long.toString(d);
  }
}
