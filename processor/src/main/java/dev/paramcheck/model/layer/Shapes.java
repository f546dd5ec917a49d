package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import java.util.List;

/** Checks shared by the layers whose attributes are shapes. */
final class Shapes {
  private Shapes() {}

  /** A declared shape: every size at least 1, or -1 for unknown. */
  static List<Refusal> checkDeclared(List<Integer> shape, String attribute, Context context) {
    for (int d : shape) {
      if (d == 0 || d < -1) {
        return List.of(Refusal.of(Message.BAD_VALUE, attribute, context.ref(),
            attribute + " = " + shape + " has the size " + d + ": every size is at least 1, or -1 for unknown"));
      }
    }
    return List.of();
  }

  /** One or two sizes ({@code {n}} for both, or {@code {first, second}}), each at least {@code min}. */
  static List<Refusal> checkPair(List<Integer> values, String attribute, int min, Context context) {
    if (values.isEmpty() || values.size() > 2 || values.stream().anyMatch(v -> v < min)) {
      return List.of(Refusal.of(Message.BAD_VALUE, attribute, context.ref(),
          attribute + " = " + values + " must be one value for both, or two values, each at least " + min));
    }
    return List.of();
  }

  static int first(List<Integer> pair) {
    return pair.get(0);
  }

  static int second(List<Integer> pair) {
    return pair.size() == 2 ? pair.get(1) : pair.get(0);
  }
}
