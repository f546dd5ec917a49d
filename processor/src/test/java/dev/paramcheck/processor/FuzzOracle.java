package dev.paramcheck.processor;

import dev.paramcheck.processor.FuzzModels.Budget;
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
import java.util.function.BiFunction;

/**
 * The reference for {@link NoCrashPropertyTest}: exact {@link BigInteger} counts, and for an
 * invalid model the problems it has, each as the line it must be reported on and its {@code
 * [paramcheck:tag]}.
 *
 * <p>It is written independently of the processor, from the rules rather than from {@code
 * ModelChecker}, and uses none of its code: it is what the property test compares the processor
 * against, so a mistake shared by the two would go unseen, and a copy of the checker would share
 * them all. So the counting is a table per layer kind ({@link #KINDS}, keyed by annotation name:
 * Keras's formula for the count, its weights, and the kind's shape rule), and the rest a short walk
 * over the model: the placement rules of the annotations' documentation, every value at least 1,
 * then the layers in order, each taking the previous one's output ({@link Shape}), until one's
 * output is unknown. A new layer kind is a row of the table, not a new branch of the walk. The
 * table is checked against itself (the weights add up to the count) and, through the processor,
 * against the golden corpus' TensorFlow.js and PyTorch counts ({@link CorpusTest}).
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

  // ---------------------------------------------------------------- the reference table, per layer kind

  /** A size from Keras's formulas: of the layer, given its units and the features it receives. */
  @FunctionalInterface
  interface Formula {
    BigInteger of(BigInteger units, BigInteger features, Layer layer);
  }

  /** The output of a layer: its last axis, and whether it keeps a time axis. */
  record Shape(BigInteger features, boolean sequence) {}

  /**
   * What the reference knows of one layer kind: its count and its weights, in the order Keras
   * lists them (one direction of a recurrent layer), and the shape rules: whether it needs a time
   * axis (the recurrent ones, which alone can be {@code @Bidirectional}), whether it takes token
   * ids (only as the first layer, and with no {@code features}), and its output.
   */
  record KindReference(
      Formula params,
      Map<String, Formula> weights,
      boolean recurrent,
      boolean takesTokens,
      BiFunction<Layer, Shape, Shape> output) {}

  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  /** Bytes of a float32 parameter: every fuzzed model is float32, Keras's default. */
  private static final BigInteger FLOAT32_BYTES = FOUR;

  /**
   * The reference per layer kind, keyed by annotation name, from the Keras documentation of each
   * layer (and checked against TensorFlow.js and PyTorch counts in the golden corpus): with
   * {@code u} units on {@code f} input features and {@code b} = 1 with a bias, 0 without,
   *
   * <ul>
   *   <li>SimpleRnn: u(f + u) + bu: kernel fu, recurrent kernel uu, bias bu;
   *   <li>Lstm: four gates, 4(u(f + u) + bu);
   *   <li>Gru: three gates, 3u(f + u) + 3bu, with a second bias (6bu) when resetAfter (the
   *       default);
   *   <li>Dense: fu + bu; it keeps its input's time axis, if any;
   *   <li>Embedding: inputDim x outputDim ({@code units} and {@code features} of the drafted layer).
   * </ul>
   *
   * A recurrent layer outputs its units (twice as many when {@code @Bidirectional} concatenates),
   * with a time axis only with returnSequences.
   */
  static final Map<String, KindReference> KINDS = Map.of(
      "SimpleRnn", recurrent(
          (u, f, l) -> u.multiply(f.add(u)).add(bias(l, u)),
          weights(
              "KERNEL", (u, f, l) -> f.multiply(u),
              "RECURRENT_KERNEL", (u, f, l) -> u.multiply(u),
              "BIAS", (u, f, l) -> bias(l, u))),
      "Lstm", recurrent(
          (u, f, l) -> FOUR.multiply(u.multiply(f.add(u)).add(bias(l, u))),
          weights(
              "KERNEL", (u, f, l) -> FOUR.multiply(f).multiply(u),
              "RECURRENT_KERNEL", (u, f, l) -> FOUR.multiply(u).multiply(u),
              "BIAS", (u, f, l) -> bias(l, FOUR.multiply(u)))),
      "Gru", recurrent(
          (u, f, l) -> THREE.multiply(u).multiply(f.add(u)).add(bias(l, gruBiases(l).multiply(THREE).multiply(u))),
          weights(
              "KERNEL", (u, f, l) -> THREE.multiply(f).multiply(u),
              "RECURRENT_KERNEL", (u, f, l) -> THREE.multiply(u).multiply(u),
              "BIAS", (u, f, l) -> bias(l, gruBiases(l).multiply(THREE).multiply(u)))),
      "Dense", new KindReference(
          (u, f, l) -> f.multiply(u).add(bias(l, u)),
          weights("KERNEL", (u, f, l) -> f.multiply(u), "BIAS", (u, f, l) -> bias(l, u)),
          false,
          false,
          (l, in) -> new Shape(big(l.units()), in.sequence())),
      "Embedding", new KindReference(
          (u, f, l) -> u.multiply(big(l.features())),
          weights("EMBEDDINGS", (u, f, l) -> u.multiply(big(l.features()))),
          false,
          true,
          (l, in) -> new Shape(big(l.features()), true)));

  private static KindReference recurrent(Formula params, Map<String, Formula> weights) {
    return new KindReference(params, weights, true, false,
        (l, in) -> new Shape(big(l.units()), l.effectiveReturnSequences()));
  }

  private static Map<String, Formula> weights(String name, Formula w) {
    Map<String, Formula> out = new LinkedHashMap<>();
    out.put(name, w);
    return out;
  }

  private static Map<String, Formula> weights(String name1, Formula w1, String name2, Formula w2) {
    Map<String, Formula> out = weights(name1, w1);
    out.put(name2, w2);
    return out;
  }

  private static Map<String, Formula> weights(
      String name1, Formula w1, String name2, Formula w2, String name3, Formula w3) {
    Map<String, Formula> out = weights(name1, w1, name2, w2);
    out.put(name3, w3);
    return out;
  }

  private static BigInteger bias(Layer l, BigInteger size) {
    return l.effectiveUseBias() ? size : BigInteger.ZERO;
  }

  private static BigInteger gruBiases(Layer l) {
    return l.effectiveResetAfter() ? TWO : BigInteger.ONE;
  }

  private static BigInteger big(Num n) {
    return BigInteger.valueOf(n.value());
  }

  static KindReference reference(Layer l) {
    KindReference kind = KINDS.get(l.kind().annotation);
    if (kind == null) {
      throw new AssertionError("no reference for @" + l.kind().annotation + ": add its row to FuzzOracle.KINDS");
    }
    return kind;
  }

  /** The layer's count: the kind's formula, twice for the two directions of a {@code @Bidirectional}. */
  static BigInteger params(Layer l, boolean bidirectional, BigInteger f) {
    BigInteger one = reference(l).params().of(big(l.units()), f, l);
    return bidirectional ? one.multiply(TWO) : one;
  }

  /** The weights Keras lists for the layer, in its order, with sizes (names as in the constants). */
  static Map<String, BigInteger> weights(Layer l, boolean bidirectional, BigInteger f) {
    Map<String, BigInteger> out = new LinkedHashMap<>();
    for (String direction : bidirectional ? List.of("FORWARD_", "BACKWARD_") : List.of("")) {
      reference(l).weights().forEach((name, w) -> out.put(direction + name, w.of(big(l.units()), f, l)));
    }
    return out;
  }

  /** The names of the layer's weights: the kind's, once per direction. */
  static List<String> weightNames(Layer l, boolean bidirectional) {
    List<String> out = new ArrayList<>();
    for (String direction : bidirectional ? List.of("FORWARD_", "BACKWARD_") : List.of("")) {
      reference(l).weights().keySet().forEach(name -> out.add(direction + name));
    }
    return out;
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

    /**
     * The prefix of the layer's constants: the field's name; on the class, Keras's default name
     * of the layer ({@code bidirectional} for a recurrent one wrapped in {@code @Bidirectional}).
     */
    String prefix(int r) {
      Member x = member(r);
      Layer l = x.layers().get(0);
      boolean bidirectional = x.bidi() != null && reference(l).recurrent();
      return upperSnake(r != TYPE ? x.name() : bidirectional ? "bidirectional" : l.kind().kerasName);
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
      boolean budgetsValid = true;
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
          budgetsValid = false; // an error, but independent of the counts: the rest is still checked
        }
      }
      if (!placed) {
        return;
      }
      boolean countable = valuesValid;
      boolean clash = false; // a name clash leaves the counts known: the budgets are still checked
      List<Integer> layers = type.layers().isEmpty() ? fieldLayers : List.of(TYPE);

      // shapes and counts, layer by layer, until a layer's output is unknown
      // a wrapper beside the wrong layer is wrong whatever the shapes: reported for every layer,
      // and that layer's output is unknown, which stops the walk there
      for (int r : layers) {
        if (member(r).bidi() != null && !reference(member(r).layers().get(0)).recurrent()) {
          report(r, Part.BIDI, 0, "bidirectional-not-recurrent");
        }
      }
      Shape previous = null;
      int walked = 0;
      for (int position = 0; position < layers.size(); position++) {
        int r = layers.get(position);
        Member x = member(r);
        Layer l = x.layers().get(0);
        KindReference kind = reference(l);
        if (l.units().value() < 1 || (l.features() != null && l.features().value() < 1)) {
          break; // reported with the values
        }
        boolean bidirectional = x.bidi() != null;
        if (bidirectional && !kind.recurrent()) {
          break; // reported above
        }
        Shape input;
        if (kind.takesTokens()) {
          if (position > 0) {
            report(r, Part.LAYER, 0, "embedding-not-first");
            break;
          }
          input = new Shape(BigInteger.ZERO, false);
        } else if (position == 0) {
          if (l.features() == null) {
            report(r, Part.LAYER, 0, "missing-features");
            break;
          }
          input = new Shape(big(l.features()), kind.recurrent()); // a first Dense takes a plain vector
        } else {
          input = previous;
          if (l.features() != null && !big(l.features()).equals(previous.features())) {
            report(r, Part.LAYER, 0, "features-mismatch");
            countable = false;
          }
          if (kind.recurrent() && !previous.sequence()) {
            report(r, Part.LAYER, 0, "needs-sequence");
            countable = false;
          }
        }
        BigInteger params = params(l, bidirectional, input.features());
        Map<String, BigInteger> weights = weights(l, bidirectional, input.features());
        BigInteger sum = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (!sum.equals(params)) {
          throw new AssertionError("reference weights " + weights + " do not add up to " + params);
        }
        if (params.compareTo(LONG_MAX) > 0 || params.multiply(FLOAT32_BYTES).compareTo(LONG_MAX) > 0) {
          // the count, or its size at float32 (Keras: 32 bits a parameter), does not fit in a long
          report(r, Part.LAYER, 0, "overflow");
          countable = false;
        } else {
          memberCounts.put(r, params);
          Budget b = budget(r);
          if (r != TYPE && b != null && b.fixed().value() >= 1 && params.compareTo(BigInteger.valueOf(b.fixed().value())) > 0) {
            report(r, Part.BUDGET, 0, "over-budget");
          }
        }
        counted.add(new LayerCount(prefix(r), params, weights));
        walked++;
        previous = kind.output().apply(l, input);
        if (bidirectional && x.mergeMode().equals("CONCAT")) {
          previous = new Shape(previous.features().multiply(TWO), previous.sequence());
        }
      }

      // generated constant names must be unique
      Map<String, Integer> owners = new HashMap<>();
      owners.put("TOTAL_PARAMS", Integer.MIN_VALUE);
      owners.put("TRAINABLE_PARAMS", Integer.MIN_VALUE);
      owners.put("NON_TRAINABLE_PARAMS", Integer.MIN_VALUE);
      for (String total : List.of("TOTAL_BYTES", "TRAINABLE_BYTES", "NON_TRAINABLE_BYTES", "TOTAL_MACS")) {
        owners.put(total, Integer.MIN_VALUE);
      }
      for (int r : layers) {
        Layer l = member(r).layers().get(0);
        String prefix = prefix(r);
        List<String> constants = new ArrayList<>();
        constants.add(prefix + "_PARAMS");
        constants.add(prefix + "_BYTES");
        constants.add(prefix + "_MACS");
        for (String key : weightNames(l, member(r).bidi() != null && reference(l).recurrent())) {
          constants.add(prefix + "_" + key + "_PARAMS");
        }
        for (String c : constants) {
          Integer previousOwner = owners.putIfAbsent(c, r);
          if (previousOwner != null && previousOwner != r) {
            report(r, Part.LAYER, 0, "name-clash");
            clash = true;
            break;
          }
        }
      }

      if (!countable || walked != layers.size()) {
        return;
      }
      complete = !clash && budgetsValid;
      total = counted.stream().map(LayerCount::params).reduce(BigInteger.ZERO, BigInteger::add);
      if (total.multiply(FLOAT32_BYTES).compareTo(LONG_MAX) > 0) { // the total count or its size
        report(TYPE, budget(TYPE) != null ? Part.BUDGET : Part.ELEMENT, 0, "overflow");
        return;
      }
      Budget b = budget(TYPE);
      if (b != null && b.fixed().value() >= 1 && total.compareTo(BigInteger.valueOf(b.fixed().value())) > 0) {
        report(TYPE, Part.BUDGET, 0, "over-budget");
      }
    }
  }
}
