package dev.paramcheck.processor;

import dev.paramcheck.processor.FuzzModels.Budget;
import dev.paramcheck.processor.FuzzModels.Kind;
import dev.paramcheck.processor.FuzzModels.Layer;
import dev.paramcheck.processor.FuzzModels.Member;
import dev.paramcheck.processor.FuzzModels.Model;
import dev.paramcheck.processor.FuzzModels.Num;
import dev.paramcheck.processor.FuzzModels.Source;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference for {@link NoCrashPropertyTest}, written from the rules (Keras's formulas and the
 * placement and shape rules of the annotations' documentation) without any of the processor's
 * code: exact {@link BigInteger} counts, and for an invalid model the problems it has, each as
 * the line it must be reported on and its {@code [paramcheck:tag]}.
 */
final class FuzzOracle {
  private FuzzOracle() {}

  static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** A problem: the line it belongs on and its tag. */
  record Problem(int line, String tag) {
    @Override
    public String toString() {
      return tag + "@" + line;
    }
  }

  /** A counted layer: the prefix of its constants, its count and its weights. */
  record LayerCount(String prefix, BigInteger params, Map<String, BigInteger> weights) {}

  /**
   * What the reference says of a model: whether it is one (has any paramcheck annotation), its
   * problems, and, when every layer could be counted (a budget or total overflow problem may
   * remain), each layer's count and the total; otherwise those are null.
   */
  record Verdict(boolean isModel, List<Problem> problems, List<LayerCount> layers, BigInteger total) {
    boolean valid() {
      return isModel && problems.isEmpty();
    }

    /** Only budget and overflow problems: the model is otherwise valid. */
    boolean onlyCountProblems() {
      return isModel && !problems.isEmpty()
          && problems.stream().allMatch(p -> p.tag().equals("over-budget") || p.tag().equals("overflow"));
    }
  }

  /** Replaces the budgets relative to a count by the count plus their offset (at least 1). */
  static Model resolveBudgets(Model m) {
    Walk w = new Walk(m, null, true);
    w.run();
    Member type = m.type().withBudget(resolve(m.type().budget(), w.total, m.id()));
    List<Member> fields = new ArrayList<>();
    for (int i = 0; i < m.fields().size(); i++) {
      Member f = m.fields().get(i);
      fields.add(f.withBudget(resolve(f.budget(), w.memberCounts.get(i), m.id() + i)));
    }
    return new Model(m.id(), m.container(), type, fields, m.story());
  }

  private static Budget resolve(Budget b, BigInteger count, int style) {
    if (b == null || !b.isRelative()) {
      return b;
    }
    if (count == null) {
      return Budget.fixed(Num.ofLong(1000, style));
    }
    BigInteger value = count.add(BigInteger.valueOf(b.offset())).max(BigInteger.ONE).min(LONG_MAX);
    return Budget.fixed(Num.ofLong(value.longValueExact(), style));
  }

  static Verdict judge(Model m, Source s) {
    boolean isModel = m.type().annotated() || m.fields().stream().anyMatch(Member::annotated);
    if (!isModel) {
      return new Verdict(false, List.of(), List.of(), BigInteger.ZERO);
    }
    Walk w = new Walk(m, s, false);
    w.run();
    return new Verdict(true, List.copyOf(w.problems), w.complete ? w.counted : null, w.complete ? w.total : null);
  }

  // ---------------------------------------------------------------- Keras's formulas

  /** The layer's count, straight from Keras's formulas. */
  static BigInteger params(Layer l, boolean bidirectional, BigInteger f) {
    BigInteger u = BigInteger.valueOf(l.units().value());
    BigInteger one;
    switch (l.kind()) {
      case EMBEDDING:
        return u.multiply(BigInteger.valueOf(l.features().value()));
      case DENSE:
        return f.multiply(u).add(l.effectiveUseBias() ? u : BigInteger.ZERO);
      case SIMPLE_RNN:
        one = u.multiply(f).add(u.multiply(u)).add(l.effectiveUseBias() ? u : BigInteger.ZERO);
        break;
      case LSTM:
        one = BigInteger.valueOf(4)
            .multiply(u.multiply(f).add(u.multiply(u)).add(l.effectiveUseBias() ? u : BigInteger.ZERO));
        break;
      case GRU: {
        BigInteger bias = !l.effectiveUseBias()
            ? BigInteger.ZERO
            : u.multiply(BigInteger.valueOf(l.effectiveResetAfter() ? 6 : 3));
        one = BigInteger.valueOf(3).multiply(u.multiply(f).add(u.multiply(u))).add(bias);
        break;
      }
      default:
        throw new AssertionError(l.kind());
    }
    return bidirectional ? one.shiftLeft(1) : one;
  }

  /** The weights Keras lists for the layer, in its order, with sizes (names as constants). */
  static Map<String, BigInteger> weights(Layer l, boolean bidirectional, BigInteger f) {
    Map<String, BigInteger> one = new LinkedHashMap<>();
    BigInteger u = BigInteger.valueOf(l.units().value());
    switch (l.kind()) {
      case EMBEDDING:
        one.put("EMBEDDINGS", u.multiply(BigInteger.valueOf(l.features().value())));
        return one;
      case DENSE:
        one.put("KERNEL", f.multiply(u));
        one.put("BIAS", l.effectiveUseBias() ? u : BigInteger.ZERO);
        return one;
      default:
        BigInteger gu = u.multiply(BigInteger.valueOf(l.kind().gates));
        one.put("KERNEL", f.multiply(gu));
        one.put("RECURRENT_KERNEL", u.multiply(gu));
        int biases = l.kind() == Kind.GRU && l.effectiveResetAfter() ? 2 : 1;
        one.put("BIAS", l.effectiveUseBias() ? gu.multiply(BigInteger.valueOf(biases)) : BigInteger.ZERO);
        if (!bidirectional) {
          return one;
        }
        Map<String, BigInteger> both = new LinkedHashMap<>();
        for (String direction : new String[] {"FORWARD_", "BACKWARD_"}) {
          one.forEach((k, v) -> both.put(direction + k, v));
        }
        return both;
    }
  }

  /**
   * {@code hiddenLayer3} to {@code HIDDEN_LAYER3}: enough for the generated names, which never have
   * two capitals in a row.
   */
  static String upperSnake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        char before = name.charAt(i - 1);
        if (Character.isUpperCase(before)) {
          throw new IllegalArgumentException("not a generated name: " + name);
        }
        if (Character.isLowerCase(before) || Character.isDigit(before)) {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- the rules

  private enum Part {
    LAYER,
    BIDI,
    BUDGET,
    ELEMENT
  }

  private static final class Walk {
    private static final int TYPE = -1;

    final Model m;
    final Source s;
    final boolean ignoreBudgets;
    final List<Problem> problems = new ArrayList<>();
    final Map<Integer, BigInteger> memberCounts = new HashMap<>();
    final List<LayerCount> counted = new ArrayList<>();
    boolean complete;
    BigInteger total;

    Walk(Model m, Source s, boolean ignoreBudgets) {
      this.m = m;
      this.s = s;
      this.ignoreBudgets = ignoreBudgets;
    }

    Member member(int r) {
      return r == TYPE ? m.type() : m.fields().get(r);
    }

    Budget budget(int r) {
      Budget b = member(r).budget();
      return b == null || b.isRelative() || ignoreBudgets ? null : b;
    }

    int line(int r, Part part, int layer) {
      if (s == null) {
        return 0;
      }
      if (r != TYPE) {
        return s.fieldLines()[r];
      }
      switch (part) {
        case LAYER:
          return s.typeLayerLines()[layer];
        case BIDI:
          return s.typeBidiLine();
        case BUDGET:
          return s.typeBudgetLine();
        default:
          return s.headerLine();
      }
    }

    void report(int r, Part part, int layer, String tag) {
      problems.add(new Problem(line(r, part, layer), tag));
    }

    void run() {
      List<Integer> members = new ArrayList<>();
      members.add(TYPE);
      for (int i = 0; i < m.fields().size(); i++) {
        if (m.fields().get(i).annotated()) {
          members.add(i);
        }
      }
      Member type = m.type();
      List<Integer> fieldLayers = new ArrayList<>();
      for (int r : members) {
        if (r != TYPE && !member(r).layers().isEmpty()) {
          fieldLayers.add(r);
        }
      }

      // placement: which layers the model has must be clear
      for (int r : members) {
        Member x = member(r);
        for (int extra = 1; extra < x.layers().size(); extra++) {
          report(r, Part.LAYER, extra, "multiple-layers");
        }
        if (x.bidi() != null && x.layers().isEmpty()) {
          report(r, Part.BIDI, 0, "bidirectional-without-layer");
        }
        if (r != TYPE && x.budget() != null && x.layers().isEmpty()) {
          report(r, Part.BUDGET, 0, "budget-without-layer");
        }
      }
      if (!type.layers().isEmpty() && !fieldLayers.isEmpty()) {
        report(TYPE, Part.LAYER, 0, "class-and-field-layers");
      }
      if (type.layers().isEmpty() && fieldLayers.isEmpty() && type.budget() != null) {
        report(TYPE, Part.BUDGET, 0, "no-layers");
      }
      boolean placed = problems.isEmpty();

      // values: every size and budget at least 1
      boolean valuesValid = true;
      for (int r : members) {
        Member x = member(r);
        for (int j = 0; j < x.layers().size(); j++) {
          Layer l = x.layers().get(j);
          if (l.units().value() < 1) {
            report(r, Part.LAYER, j, "invalid-value");
            valuesValid = false;
          }
          if (l.features() != null && l.features().value() < 1) {
            report(r, Part.LAYER, j, "invalid-value");
            valuesValid = false;
          }
        }
        if (budget(r) != null && budget(r).fixed().value() < 1) {
          report(r, Part.BUDGET, 0, "invalid-value");
          valuesValid = false;
        }
      }
      if (!placed) {
        return;
      }
      boolean countable = valuesValid;
      List<Integer> layers = type.layers().isEmpty() ? fieldLayers : List.of(TYPE);

      // shapes and counts, layer by layer, until a layer's output is unknown
      BigInteger previousFeatures = null;
      boolean previousSequence = false;
      int walked = 0;
      for (int position = 0; position < layers.size(); position++) {
        int r = layers.get(position);
        Member x = member(r);
        Layer l = x.layers().get(0);
        if (l.units().value() < 1 || (l.features() != null && l.features().value() < 1)) {
          break; // reported with the values
        }
        boolean bidirectional = x.bidi() != null;
        if (bidirectional && !l.kind().recurrent()) {
          report(r, Part.BIDI, 0, "bidirectional-not-recurrent");
          break;
        }
        BigInteger features;
        boolean sequence;
        if (l.kind() == Kind.EMBEDDING) {
          if (position > 0) {
            report(r, Part.LAYER, 0, "embedding-not-first");
            break;
          }
          features = BigInteger.ZERO;
          sequence = false;
        } else if (position == 0) {
          if (l.features() == null) {
            report(r, Part.LAYER, 0, "missing-features");
            break;
          }
          features = BigInteger.valueOf(l.features().value());
          sequence = l.kind().recurrent(); // a first Dense takes a plain vector
        } else {
          features = previousFeatures;
          sequence = previousSequence;
          if (l.features() != null && !BigInteger.valueOf(l.features().value()).equals(previousFeatures)) {
            report(r, Part.LAYER, 0, "features-mismatch");
            countable = false;
          }
          if (l.kind().recurrent() && !previousSequence) {
            report(r, Part.LAYER, 0, "needs-sequence");
            countable = false;
          }
        }
        BigInteger params = params(l, bidirectional, features);
        Map<String, BigInteger> weights = weights(l, bidirectional, features);
        BigInteger sum = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (!sum.equals(params)) {
          throw new AssertionError("reference weights " + weights + " do not add up to " + params);
        }
        if (params.compareTo(LONG_MAX) > 0) {
          report(r, Part.LAYER, 0, "overflow");
          countable = false;
        } else {
          memberCounts.put(r, params);
          Budget b = budget(r);
          if (r != TYPE && b != null && b.fixed().value() >= 1 && params.compareTo(BigInteger.valueOf(b.fixed().value())) > 0) {
            report(r, Part.BUDGET, 0, "over-budget");
          }
        }
        String name = r != TYPE ? x.name() : bidirectional ? "bidirectional" : l.kind().kerasName;
        counted.add(new LayerCount(upperSnake(name), params, weights));
        walked++;
        switch (l.kind()) {
          case EMBEDDING:
            previousFeatures = BigInteger.valueOf(l.features().value());
            previousSequence = true;
            break;
          case DENSE:
            previousFeatures = BigInteger.valueOf(l.units().value());
            previousSequence = sequence; // keeps the time axis, if any
            break;
          default:
            BigInteger units = BigInteger.valueOf(l.units().value());
            previousFeatures = bidirectional && x.mergeMode().equals("CONCAT") ? units.shiftLeft(1) : units;
            previousSequence = l.effectiveReturnSequences();
        }
      }

      // generated constant names must be unique
      Map<String, Integer> owners = new HashMap<>();
      owners.put("TOTAL_PARAMS", Integer.MIN_VALUE);
      owners.put("TRAINABLE_PARAMS", Integer.MIN_VALUE);
      owners.put("NON_TRAINABLE_PARAMS", Integer.MIN_VALUE);
      for (int r : layers) {
        Member x = member(r);
        Layer l = x.layers().get(0);
        boolean bidirectional = x.bidi() != null && l.kind().recurrent();
        String prefix = upperSnake(r != TYPE ? x.name() : bidirectional ? "bidirectional" : l.kind().kerasName);
        List<String> constants = new ArrayList<>();
        constants.add(prefix + "_PARAMS");
        Layer unit = new Layer(l.kind(), Num.ofInt(1, 0), Num.ofInt(1, 0), l.useBias(), l.returnSequences(), l.resetAfter());
        for (String key : weights(unit, bidirectional, BigInteger.ONE).keySet()) {
          constants.add(prefix + "_" + key + "_PARAMS");
        }
        for (String c : constants) {
          Integer previous = owners.putIfAbsent(c, r);
          if (previous != null && previous != r) {
            report(r, Part.LAYER, 0, "name-clash");
            countable = false;
            break;
          }
        }
      }

      if (!countable || walked != layers.size()) {
        return;
      }
      complete = true;
      total = counted.stream().map(LayerCount::params).reduce(BigInteger.ZERO, BigInteger::add);
      if (total.compareTo(LONG_MAX) > 0) {
        report(TYPE, budget(TYPE) != null ? Part.BUDGET : Part.ELEMENT, 0, "overflow");
        return;
      }
      Budget b = budget(TYPE);
      if (b != null && total.compareTo(BigInteger.valueOf(b.fixed().value())) > 0) {
        report(TYPE, Part.BUDGET, 0, "over-budget");
      }
    }
  }
}
