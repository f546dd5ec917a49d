package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.OptionalLong;

/** What the attention layers share: their inputs' checks and the cost of the attention itself. */
final class Attentions {
  private Attentions() {}

  /**
   * The inputs' common checks: each at least a sequence, of the query's rank, with a known last
   * axis; or null when they pass.
   */
  static Step check(List<Shape> inputs, Context context) {
    Shape query = inputs.get(0);
    for (int k = 0; k < inputs.size(); k++) {
      Shape s = inputs.get(k);
      if (s.rank() < 2) {
        return Step.refuse(Message.ATTENTION_NOT_A_SEQUENCE, "from", context.ref(), ROLES.get(k), s);
      }
      if (s.rank() != query.rank()) {
        return Step.refuse(Message.ATTENTION_RANKS, "from", context.ref(), ROLES.get(k), s, query);
      }
      if (s.features() == Shape.UNKNOWN) {
        return Step.refuse(Message.ATTENTION_UNKNOWN_FEATURES, "from", context.ref(), ROLES.get(k), s);
      }
    }
    return null;
  }

  /**
   * {@link #check}, then the query's and key's widths, which {@code Attention} and {@code
   * AdditiveAttention} need equal to score them: a dot product needs equal widths; a sum ({@code
   * broadcast}: additive or concat scores) also takes a width of 1, which broadcasts.
   */
  static Step widths(List<Shape> inputs, Context context, boolean broadcast) {
    Step wrong = check(inputs, context);
    if (wrong != null) {
      return wrong;
    }
    Shape query = inputs.get(0);
    Shape key = key(inputs);
    boolean ones = broadcast && (query.features() == 1 || key.features() == 1);
    if (query.features() != key.features() && !ones) {
      return Step.refuse(Message.ATTENTION_WIDTHS, "from", context.ref(), query.features(), key.features(), query,
          key, key.features());
    }
    return null;
  }

  static final List<String> ROLES = List.of("query", "value", "key");

  /** The key: the third input, or the value. */
  static Shape key(List<Shape> inputs) {
    return inputs.size() > 2 ? inputs.get(2) : inputs.get(1);
  }

  /** The positions attended from or to: every axis but the batch and the last; empty if one is unknown. */
  static OptionalLong positions(Shape s) {
    long p = 1;
    for (int i = 0; i < s.rank() - 1; i++) {
      if (s.dim(i) == Shape.UNKNOWN) {
        return OptionalLong.empty();
      }
      p = Math.multiplyExact(p, s.dim(i));
    }
    return OptionalLong.of(p);
  }

  /**
   * The two attention products per sample: query against key ({@code Tq * Tv * scoreWidth}) and
   * the scores against the value ({@code Tq * Tv * valueWidth}).
   */
  static OptionalLong products(Shape query, Shape key, long scoreWidth, long valueWidth) {
    OptionalLong tq = positions(query);
    OptionalLong tv = positions(key);
    if (tq.isEmpty() || tv.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.multiplyExact(Math.multiplyExact(tq.getAsLong(), tv.getAsLong()),
        Math.addExact(scoreWidth, valueWidth)));
  }
}
