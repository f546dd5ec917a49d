package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.stream.Collectors;

/** Text shared by the merge layers' messages. */
final class Merges {
  private Merges() {}

  /** {@code (None, 3), (None, 4) and (None, 5)}. */
  static String list(List<Shape> shapes) {
    String all = shapes.stream().map(Shape::toString).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", (");
    return last < 0 ? all : all.substring(0, last) + " and " + all.substring(last + 2);
  }

  /** Keras's axis (the batch axis is 0, negative from the end) as an index into {@code dims}, or -1. */
  static int axis(int axis, int rank) {
    int withBatch = axis < 0 ? axis + rank + 1 : axis;
    return withBatch >= 1 && withBatch <= rank ? withBatch - 1 : -1;
  }
}
