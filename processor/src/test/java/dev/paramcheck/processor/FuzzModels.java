package dev.paramcheck.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random model declarations for {@link NoCrashPropertyTest}: jqwik arbitraries draw a
 * {@link ModelDraft} (layers, values, mutations), {@link #build} turns it into a {@link Model}
 * (what is declared), and {@link #render} into its source, one annotation per line on the class and
 * one field (with all its annotations) per line, so that each element's line is known.
 *
 * <p>Nothing here uses the processor's own code: the counts and the expected problems come from
 * {@link FuzzOracle}.
 */
final class FuzzModels {
  private FuzzModels() {}

  // ================================================================= what a model declares

  /** The layer annotations. */
  enum Kind {
    SIMPLE_RNN("SimpleRnn", "simple_rnn", 1),
    LSTM("Lstm", "lstm", 4),
    GRU("Gru", "gru", 3),
    DENSE("Dense", "dense", 0),
    EMBEDDING("Embedding", "embedding", 0);

    final String annotation;
    final String kerasName;
    final int gates;

    Kind(String annotation, String kerasName, int gates) {
      this.annotation = annotation;
      this.kerasName = kerasName;
      this.gates = gates;
    }

    boolean recurrent() {
      return gates > 0;
    }
  }

  /** Where the model is declared and what kind of type it is. */
  enum Container {
    CLASS,
    FINAL_CLASS,
    ABSTRACT_CLASS,
    GENERIC_CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION_TYPE,
    STATIC_NESTED_CLASS,
    INNER_CLASS,
    CLASS_IN_INTERFACE,
    NESTED_RECORD,
    NESTED_ENUM,
    DEEP_INNER_CLASS,
    DEFAULT_PACKAGE_CLASS;

    Body body() {
      switch (this) {
        case INTERFACE:
        case ANNOTATION_TYPE:
          return Body.INTERFACE;
        case ENUM:
        case NESTED_ENUM:
          return Body.ENUM;
        case RECORD:
        case NESTED_RECORD:
          return Body.RECORD;
        default:
          return Body.CLASS;
      }
    }

    /** Whether instance fields of the model may have the type variable {@code T}. */
    boolean typeVariable() {
      return this == GENERIC_CLASS || this == INNER_CLASS || this == DEEP_INNER_CLASS;
    }

    boolean nested() {
      return this == STATIC_NESTED_CLASS || this == INNER_CLASS || this == CLASS_IN_INTERFACE
          || this == NESTED_RECORD || this == NESTED_ENUM || this == DEEP_INNER_CLASS;
    }
  }

  enum Body {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD
  }

  /** A number as written in the source. */
  record Num(long value, String literal) {
    static Num ofInt(int value, int style) {
      return new Num(value, intLiteral(value, style));
    }

    static Num ofLong(long value, int style) {
      return new Num(value, longLiteral(value, style));
    }

    @Override
    public String toString() {
      return literal;
    }
  }

  /**
   * One layer annotation. {@code features} null: not written. Boolean attributes null: not written
   * (the default applies). For an Embedding, {@code units} is inputDim and {@code features} is
   * outputDim (both always written).
   */
  record Layer(Kind kind, Num units, Num features, Boolean useBias, Boolean returnSequences, Boolean resetAfter) {
    boolean effectiveUseBias() {
      return useBias == null || useBias;
    }

    boolean effectiveReturnSequences() {
      return returnSequences != null && returnSequences;
    }

    boolean effectiveResetAfter() {
      return resetAfter == null || resetAfter;
    }

    Layer withUnits(Num n) {
      return new Layer(kind, n, features, useBias, returnSequences, resetAfter);
    }

    Layer withFeatures(Num n) {
      return new Layer(kind, units, n, useBias, returnSequences, resetAfter);
    }

    Layer withReturnSequences(Boolean r) {
      return new Layer(kind, units, features, useBias, r, resetAfter);
    }

    Layer withKind(Kind k) {
      return new Layer(k, units, features, useBias, returnSequences, resetAfter);
    }
  }

  /**
   * A {@code @ParamBudget}: a fixed value, or (before {@link FuzzOracle#resolveBudgets}) the
   * reference count of what it bounds plus {@code offset}, to hit the boundary exactly.
   */
  record Budget(Num fixed, long offset) {
    static Budget fixed(Num n) {
      return new Budget(n, 0);
    }

    static Budget relative(long offset) {
      return new Budget(null, offset);
    }

    boolean isRelative() {
      return fixed == null;
    }
  }

  /**
   * The class ({@code type} of a model) or a field. {@code bidi}: null absent, {@code ""}
   * {@code @Bidirectional}, {@code "()"} {@code @Bidirectional()}, else the merge written.
   * {@code grouped}: an enum constant or a record component (rendered before the other fields).
   * {@code raw}: extra annotation text that javac rejects (a repeated or incomplete annotation).
   */
  record Member(
      String name, List<Layer> layers, String bidi, Budget budget, boolean grouped, long style, String raw) {
    Member {
      layers = List.copyOf(layers);
    }

    boolean annotated() {
      return !layers.isEmpty() || bidi != null || budget != null;
    }

    Member withLayers(List<Layer> l) {
      return new Member(name, l, bidi, budget, grouped, style, raw);
    }

    Member withBidi(String b) {
      return new Member(name, layers, b, budget, grouped, style, raw);
    }

    Member withBudget(Budget b) {
      return new Member(name, layers, bidi, b, grouped, style, raw);
    }

    Member withName(String n) {
      return new Member(n, layers, bidi, budget, grouped, style, raw);
    }

    Member withRawText(String r) {
      return new Member(name, layers, bidi, budget, grouped, style, r);
    }

    String mergeMode() {
      return bidi == null || bidi.isEmpty() || bidi.equals("()") ? "CONCAT" : bidi;
    }
  }

  /** A model: its class and its fields in declaration order (unannotated ones included). */
  record Model(int id, Container container, Member type, List<Member> fields, List<String> story) {
    Model {
      fields = List.copyOf(fields);
      story = List.copyOf(story);
    }

    boolean javacBroken() {
      return type.raw() != null || fields.stream().anyMatch(f -> f.raw() != null);
    }

    String pkg() {
      return container == Container.DEFAULT_PACKAGE_CLASS ? "" : "fuzz";
    }

    String topName() {
      return (container.nested() ? "O" : "M") + id;
    }

    /** The model's qualified name with dots between nested names. */
    String qualifiedName() {
      String prefix = pkg().isEmpty() ? "" : pkg() + ".";
      switch (container) {
        case DEEP_INNER_CLASS:
          return prefix + topName() + ".P.N";
        default:
          return prefix + topName() + (container.nested() ? ".N" : "");
      }
    }

    /** The summary the processor generates: {@code p.O_NSummary} for {@code p.O.N}. */
    String summaryName() {
      String prefix = pkg().isEmpty() ? "" : pkg() + ".";
      return prefix + qualifiedName().substring(prefix.length()).replace('.', '_') + "Summary";
    }

    String path() {
      return (pkg().isEmpty() ? "" : pkg() + "/") + topName() + ".java";
    }
  }

  // ================================================================= drafts drawn by jqwik

  record LayerDraft(Kind kind, Num a, Num b, int flags, String bidi, Budget budget, int fillersBefore) {}

  enum MutationKind {
    BAD_VALUE,
    BAD_BUDGET,
    SECOND_LAYER,
    CLASS_AND_FIELD_LAYERS,
    BIDI_ALONE,
    BIDI_NOT_RECURRENT,
    BUDGET_ALONE,
    BUDGET_ONLY,
    BIDI_ON_CLASS,
    DROP_FIRST_FEATURES,
    FEATURES_ASSERTED,
    FLIP_RETURN_SEQUENCES,
    EMBEDDING_LATER,
    EXTREME,
    NAME_CLASH,
    SHUFFLE,
    DELETE_LAYER,
    TIGHT_BUDGET,
    JAVAC_BROKEN,
    NOT_A_MODEL
  }

  record Mutation(MutationKind kind, int target, Num num, int extra) {}

  record ModelDraft(
      Container container,
      boolean classModel,
      boolean chaos,
      List<LayerDraft> layers,
      List<Mutation> mutations,
      Budget modelBudget,
      long styleSeed) {}

  static Arbitrary<Integer> literalStyle() {
    return Arbitraries.integers().between(0, 15);
  }

  static Arbitrary<Num> smallSize() {
    return Combinators.combine(Arbitraries.integers().between(1, 64), literalStyle()).as(Num::ofInt);
  }

  static Arbitrary<Num> mediumSize() {
    return Combinators.combine(Arbitraries.integers().between(1, 300_000), literalStyle()).as(Num::ofInt);
  }

  static Arbitrary<Num> hugeSize() {
    Arbitrary<Integer> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 46_341, 65_536, 1 << 20)),
        Tuple.of(2, Arbitraries.integers().between(1 << 20, Integer.MAX_VALUE)));
    return Combinators.combine(values, literalStyle()).as(Num::ofInt);
  }

  static Arbitrary<Num> badSize() {
    Arbitrary<Integer> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0, -1, Integer.MIN_VALUE)),
        Tuple.of(1, Arbitraries.integers().between(-100_000, 0)));
    return Combinators.combine(values, literalStyle()).as(Num::ofInt);
  }

  static Arbitrary<Num> goodSize() {
    return Arbitraries.frequencyOf(Tuple.of(12, smallSize()), Tuple.of(3, mediumSize()), Tuple.of(1, hugeSize()));
  }

  static Arbitrary<Num> budgetValue() {
    Arbitrary<Long> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, 0L, -1L, 1L)),
        Tuple.of(3, Arbitraries.longs().between(1, 100_000)),
        Tuple.of(2, Arbitraries.longs().between(1, Long.MAX_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(Integer.MIN_VALUE, 0)));
    return Combinators.combine(values, literalStyle()).as(Num::ofLong);
  }

  static Arbitrary<Budget> budget(int noneWeight) {
    return Arbitraries.frequencyOf(
        Tuple.of(noneWeight, Arbitraries.just((Budget) null)),
        Tuple.of(6, Arbitraries.of(-1L, 0L, 1L, 1_000_000L, -1_000L).map(Budget::relative)),
        Tuple.of(3, budgetValue().map(Budget::fixed)));
  }

  static Arbitrary<LayerDraft> layerDraft() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Kind.SIMPLE_RNN)),
        Tuple.of(4, Arbitraries.just(Kind.LSTM)),
        Tuple.of(4, Arbitraries.just(Kind.GRU)),
        Tuple.of(4, Arbitraries.just(Kind.DENSE)),
        Tuple.of(2, Arbitraries.just(Kind.EMBEDDING)));
    Arbitrary<String> bidi = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.just((String) null)),
        Tuple.of(6, Arbitraries.of("", "()", "CONCAT", "SUM", "AVE", "MUL")));
    Arbitrary<Integer> fillers = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)));
    return Combinators.combine(
            kinds, goodSize(), goodSize(), Arbitraries.integers().between(0, (1 << 16) - 1), bidi, budget(120), fillers)
        .as(LayerDraft::new);
  }

  static Arbitrary<Mutation> mutation() {
    Arbitrary<MutationKind> kinds = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(MutationKind.BAD_VALUE)),
        Tuple.of(2, Arbitraries.just(MutationKind.BAD_BUDGET)),
        Tuple.of(3, Arbitraries.just(MutationKind.SECOND_LAYER)),
        Tuple.of(2, Arbitraries.just(MutationKind.CLASS_AND_FIELD_LAYERS)),
        Tuple.of(2, Arbitraries.just(MutationKind.BIDI_ALONE)),
        Tuple.of(3, Arbitraries.just(MutationKind.BIDI_NOT_RECURRENT)),
        Tuple.of(2, Arbitraries.just(MutationKind.BUDGET_ALONE)),
        Tuple.of(1, Arbitraries.just(MutationKind.BUDGET_ONLY)),
        Tuple.of(2, Arbitraries.just(MutationKind.BIDI_ON_CLASS)),
        Tuple.of(3, Arbitraries.just(MutationKind.DROP_FIRST_FEATURES)),
        Tuple.of(4, Arbitraries.just(MutationKind.FEATURES_ASSERTED)),
        Tuple.of(4, Arbitraries.just(MutationKind.FLIP_RETURN_SEQUENCES)),
        Tuple.of(3, Arbitraries.just(MutationKind.EMBEDDING_LATER)),
        Tuple.of(6, Arbitraries.just(MutationKind.EXTREME)),
        Tuple.of(3, Arbitraries.just(MutationKind.NAME_CLASH)),
        Tuple.of(3, Arbitraries.just(MutationKind.SHUFFLE)),
        Tuple.of(2, Arbitraries.just(MutationKind.DELETE_LAYER)),
        Tuple.of(4, Arbitraries.just(MutationKind.TIGHT_BUDGET)),
        Tuple.of(1, Arbitraries.just(MutationKind.JAVAC_BROKEN)),
        Tuple.of(1, Arbitraries.just(MutationKind.NOT_A_MODEL)));
    Arbitrary<Num> nums = Arbitraries.frequencyOf(Tuple.of(2, badSize()), Tuple.of(3, hugeSize()), Tuple.of(2, goodSize()));
    return Combinators.combine(kinds, Arbitraries.integers().between(0, 1_000_000), nums, Arbitraries.integers().between(0, 1_000_000))
        .as(Mutation::new);
  }

  static Arbitrary<ModelDraft> modelDraft() {
    Arbitrary<Container> containers = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(Container.CLASS)),
        Tuple.of(9, Arbitraries.of(Container.class)));
    Arbitrary<List<LayerDraft>> layers = Arbitraries.frequencyOf(
        Tuple.of(6, layerDraft().list().ofMinSize(1).ofMaxSize(4)),
        Tuple.of(2, layerDraft().list().ofMinSize(1).ofMaxSize(12)),
        Tuple.of(1, layerDraft().list().ofMinSize(20).ofMaxSize(40)));
    Arbitrary<List<Mutation>> mutations = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(List.<Mutation>of())),
        Tuple.of(8, mutation().list().ofSize(1)),
        Tuple.of(3, mutation().list().ofMinSize(2).ofMaxSize(4)));
    return Combinators.combine(
            containers,
            Arbitraries.integers().between(0, 4).map(i -> i == 0),
            Arbitraries.integers().between(0, 6).map(i -> i == 0),
            layers,
            mutations,
            budget(18),
            Arbitraries.longs())
        .as(ModelDraft::new);
  }

  // ================================================================= draft to model

  private static final String[] WORDS = {
    "enc", "dec", "hidden", "hiddenLayer", "out", "proj", "rnn", "tokens", "x", "lstmStack", "gate", "head"
  };

  private static final Kind[] RECURRENT = {Kind.SIMPLE_RNN, Kind.LSTM, Kind.GRU};

  /** Builds the model a draft describes; deterministic. */
  static Model build(int id, ModelDraft d) {
    SplittableRandom rnd = new SplittableRandom(d.styleSeed());
    List<String> story = new ArrayList<>();
    story.add((d.chaos() ? "chaos" : "well-formed") + (d.classModel() ? " class model" : " field model")
        + " in " + d.container());
    Names names = new Names();
    List<Layer> layers = d.chaos() ? chaosLayers(d.layers()) : wellFormedLayers(d.layers());
    Member type = new Member("M" + id, List.of(), null, d.modelBudget(), false, rnd.nextLong(), null);
    List<Member> fields = new ArrayList<>();
    if (d.classModel()) {
      Layer only = layers.get(0);
      if (!d.chaos() && only.kind() != Kind.EMBEDDING && only.features() == null) {
        only = only.withFeatures(d.layers().get(0).b());
      }
      String bidi = d.layers().get(0).bidi();
      if (!d.chaos() && !only.kind().recurrent()) {
        bidi = null;
      }
      type = type.withLayers(List.of(only)).withBidi(bidi);
      int fillers = d.layers().size() - 1;
      for (int i = 0; i < Math.min(fillers, 4); i++) {
        fields.add(filler(names, rnd, d.container()));
      }
    } else {
      for (int i = 0; i < layers.size(); i++) {
        LayerDraft ld = d.layers().get(i);
        for (int f = 0; f < ld.fillersBefore(); f++) {
          fields.add(filler(names, rnd, d.container()));
        }
        Layer layer = layers.get(i);
        String bidi = ld.bidi();
        if (!d.chaos() && !layer.kind().recurrent()) {
          bidi = null;
        }
        fields.add(new Member(names.next(rnd), List.of(layer), bidi, ld.budget(), grouped(rnd, d.container(), true),
            rnd.nextLong(), null));
      }
    }
    Model model = new Model(id, d.container(), type, fields, story);
    for (Mutation m : d.mutations()) {
      model = mutate(model, m, names, rnd);
    }
    return normalize(model);
  }

  private static List<Layer> chaosLayers(List<LayerDraft> drafts) {
    List<Layer> out = new ArrayList<>();
    for (LayerDraft ld : drafts) {
      out.add(layer(ld.kind(), ld.a(), ld.b(), ld.flags(), (ld.flags() & 64) != 0 || ld.kind() == Kind.EMBEDDING));
    }
    return out;
  }

  /** Layers that stack: the first one has its input size, recurrent ones get a time axis. */
  private static List<Layer> wellFormedLayers(List<LayerDraft> drafts) {
    List<Layer> out = new ArrayList<>();
    long previousFeatures = 0;
    boolean previousSequence = false;
    for (int i = 0; i < drafts.size(); i++) {
      LayerDraft ld = drafts.get(i);
      Kind kind = ld.kind();
      if (i > 0 && kind == Kind.EMBEDDING) {
        kind = (ld.flags() & 3) == 3 ? Kind.DENSE : RECURRENT[(ld.flags() & 3) % 3];
      }
      if (i > 0 && kind.recurrent() && !previousSequence) {
        Layer before = out.get(i - 1);
        if (before.kind().recurrent()) {
          out.set(i - 1, before.withReturnSequences(true));
          previousSequence = true;
        } else {
          kind = Kind.DENSE; // after a first Dense, only Dense layers stack
        }
      }
      Layer layer;
      if (i == 0) {
        layer = layer(kind, ld.a(), ld.b(), ld.flags(), true);
        previousSequence = kind != Kind.DENSE;
      } else {
        boolean assertFeatures = (ld.flags() & 64) != 0 && (ld.flags() & 128) != 0;
        layer = layer(kind, ld.a(), null, ld.flags(), false);
        if (assertFeatures && previousFeatures <= Integer.MAX_VALUE) {
          layer = layer.withFeatures(Num.ofInt((int) previousFeatures, ld.flags() >> 12));
        }
      }
      if (kind.recurrent() && layer.returnSequences() == null && (ld.flags() & 256) != 0) {
        layer = layer.withReturnSequences(false);
      }
      out.add(layer);
      boolean concat = ld.bidi() != null && (ld.bidi().isEmpty() || ld.bidi().equals("()") || ld.bidi().equals("CONCAT"));
      if (kind == Kind.EMBEDDING) {
        previousFeatures = layer.features().value();
        previousSequence = true;
      } else if (kind == Kind.DENSE) {
        previousFeatures = layer.units().value();
      } else {
        previousFeatures = layer.units().value() * (concat ? 2 : 1);
        previousSequence = layer.effectiveReturnSequences();
      }
    }
    return out;
  }

  private static Layer layer(Kind kind, Num a, Num b, int flags, boolean withFeatures) {
    Boolean useBias = (flags & 1) == 0 ? null : (flags & 2) != 0;
    Boolean returnSequences = kind.recurrent() && (flags & 4) != 0 ? (Boolean) ((flags & 8) != 0) : null;
    Boolean resetAfter = kind == Kind.GRU && (flags & 16) != 0 ? (Boolean) ((flags & 32) != 0) : null;
    if (kind == Kind.EMBEDDING) {
      return new Layer(kind, a, b, null, null, null);
    }
    if (kind == Kind.DENSE) {
      returnSequences = null;
    }
    return new Layer(kind, a, withFeatures ? b : null, useBias, returnSequences, resetAfter);
  }

  /**
   * Field names unique in their model, from a small vocabulary ({@code hiddenLayer3} and so on), so
   * that models of a batch often share names, as real models do.
   */
  private static final class Names {
    private final Set<String> used = new HashSet<>();
    private int next;

    String next(SplittableRandom rnd) {
      String name;
      do {
        name = WORDS[rnd.nextInt(WORDS.length)] + next++;
      } while (!used.add(name));
      return name;
    }

    boolean take(String name) {
      return used.add(name);
    }
  }

  private static boolean grouped(SplittableRandom rnd, Container c, boolean annotated) {
    switch (c.body()) {
      case ENUM:
        return rnd.nextInt(10) < (annotated ? 7 : 3);
      case RECORD:
        return rnd.nextInt(10) < 8;
      default:
        return false;
    }
  }

  private static Member filler(Names names, SplittableRandom rnd, Container c) {
    return new Member(names.next(rnd), List.of(), null, null, grouped(rnd, c, false), rnd.nextLong(), null);
  }

  private static int layerMemberCount(Model m) {
    return (int) m.fields().stream().filter(f -> !f.layers().isEmpty()).count();
  }

  /** Index into fields of the {@code n}-th field with layers (mod their number), or -1. */
  private static int layerField(Model m, int n) {
    int count = layerMemberCount(m);
    if (count == 0) {
      return -1;
    }
    int wanted = Math.floorMod(n, count);
    for (int i = 0; i < m.fields().size(); i++) {
      if (!m.fields().get(i).layers().isEmpty() && wanted-- == 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private static Model withField(Model m, int index, Member f) {
    List<Member> fields = new ArrayList<>(m.fields());
    fields.set(index, f);
    return new Model(m.id(), m.container(), m.type(), fields, m.story());
  }

  private static Model insertField(Model m, int position, Member f) {
    List<Member> fields = new ArrayList<>(m.fields());
    fields.add(Math.floorMod(position, fields.size() + 1), f);
    return new Model(m.id(), m.container(), m.type(), fields, m.story());
  }

  private static Model withType(Model m, Member type) {
    return new Model(m.id(), m.container(), type, m.fields(), m.story());
  }

  private static Model told(Model m, String what) {
    List<String> story = new ArrayList<>(m.story());
    story.add(what);
    return new Model(m.id(), m.container(), m.type(), m.fields(), story);
  }

  private static Layer randomGoodLayer(SplittableRandom rnd, Num size) {
    Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
    Num small = Num.ofInt(1 + rnd.nextInt(32), rnd.nextInt(16));
    return layer(kind, size, small, rnd.nextInt(1 << 16), rnd.nextBoolean() || kind == Kind.EMBEDDING);
  }

  /** Applies one mutation; some make the model invalid, some keep it valid. */
  static Model mutate(Model m, Mutation mu, Names names, SplittableRandom rnd) {
    boolean classModel = !m.type().layers().isEmpty();
    int fieldIndex = layerField(m, mu.target());
    Member target = classModel || fieldIndex < 0 ? m.type() : m.fields().get(fieldIndex);
    m = told(m, mu.kind() + " " + mu.num() + " on " + target.name());
    switch (mu.kind()) {
      case BAD_VALUE:
      case EXTREME: {
        if (target.layers().isEmpty()) {
          return m;
        }
        Layer l = target.layers().get(0);
        Num n = mu.num();
        if (mu.kind() == MutationKind.EXTREME) {
          n = n.value() >= 1 ? n : Num.ofInt(Integer.MAX_VALUE, mu.extra());
        }
        Layer changed;
        switch (mu.extra() % 3) {
          case 0:
            changed = l.withUnits(n);
            break;
          case 1:
            changed = l.features() == null && l.kind() != Kind.EMBEDDING ? l.withUnits(n) : l.withFeatures(n);
            break;
          default:
            changed = l.withUnits(n).withFeatures(l.kind() == Kind.EMBEDDING || l.features() != null ? n : null);
        }
        Member t = target.withLayers(List.of(changed));
        return classModel || fieldIndex < 0 ? withType(m, t) : withField(m, fieldIndex, t);
      }
      case BAD_BUDGET: {
        Num n = mu.num().value() < 1 ? Num.ofLong(mu.num().value(), mu.extra()) : Num.ofLong(-mu.extra(), mu.extra());
        Member t = target.withBudget(Budget.fixed(n));
        return classModel || fieldIndex < 0 || mu.extra() % 2 == 0 ? withType(m, m.type().withBudget(Budget.fixed(n)))
            : withField(m, fieldIndex, t);
      }
      case SECOND_LAYER: {
        List<Layer> two = new ArrayList<>(target.layers());
        for (int n = mu.extra() % 5 == 0 ? 2 : 1; n > 0; n--) {
          Layer extra = randomGoodLayer(rnd, Num.ofInt(1 + rnd.nextInt(8), 0));
          if (two.stream().anyMatch(l -> l.kind() == extra.kind())) {
            continue; // a repeated annotation is javac's error, see JAVAC_BROKEN
          }
          two.add(Math.floorMod(mu.extra(), two.size() + 1), extra);
        }
        Member t = target.withLayers(two);
        return classModel || fieldIndex < 0 ? withType(m, t) : withField(m, fieldIndex, t);
      }
      case CLASS_AND_FIELD_LAYERS: {
        if (classModel) {
          Member f = new Member(names.next(rnd), List.of(randomGoodLayer(rnd, Num.ofInt(3, 0))), null, null,
              grouped(rnd, m.container(), true), rnd.nextLong(), null);
          return insertField(m, mu.extra(), f);
        }
        return withType(m, m.type().withLayers(List.of(randomGoodLayer(rnd, Num.ofInt(4, 0)))));
      }
      case BIDI_ALONE: {
        String merge = new String[] {"", "()", "SUM", "MUL"}[mu.extra() % 4];
        Member f = new Member(names.next(rnd), List.of(), merge, mu.extra() % 7 == 0 ? Budget.relative(0) : null,
            grouped(rnd, m.container(), true), rnd.nextLong(), null);
        return insertField(m, mu.target(), f);
      }
      case BIDI_NOT_RECURRENT: {
        String merge = new String[] {"", "()", "CONCAT", "AVE"}[mu.extra() % 4];
        for (int i = 0; i < m.fields().size(); i++) {
          Member f = m.fields().get((i + mu.target()) % m.fields().size());
          if (!f.layers().isEmpty() && !f.layers().get(0).kind().recurrent()) {
            return withField(m, (i + mu.target()) % m.fields().size(), f.withBidi(merge));
          }
        }
        if (classModel && !m.type().layers().get(0).kind().recurrent()) {
          return withType(m, m.type().withBidi(merge));
        }
        return m;
      }
      case BUDGET_ALONE: {
        Member f = new Member(names.next(rnd), List.of(), null, Budget.fixed(Num.ofLong(1 + mu.extra(), mu.extra())),
            grouped(rnd, m.container(), true), rnd.nextLong(), null);
        return insertField(m, mu.target(), f);
      }
      case BUDGET_ONLY: {
        List<Member> fields = new ArrayList<>();
        for (Member f : m.fields()) {
          fields.add(f.withLayers(List.of()).withBidi(null).withBudget(null));
        }
        Member type = m.type().withLayers(List.of()).withBidi(null)
            .withBudget(Budget.fixed(Num.ofLong(1 + mu.extra(), mu.extra())));
        return new Model(m.id(), m.container(), type, fields, m.story());
      }
      case BIDI_ON_CLASS:
        return withType(m, m.type().withBidi(new String[] {"", "()", "SUM", "AVE", "MUL", "CONCAT"}[mu.extra() % 6]));
      case DROP_FIRST_FEATURES: {
        Member first = classModel ? m.type() : fieldIndex < 0 ? null : m.fields().get(layerField(m, 0));
        if (first == null || first.layers().isEmpty() || first.layers().get(0).kind() == Kind.EMBEDDING) {
          return m;
        }
        Member t = first.withLayers(List.of(first.layers().get(0).withFeatures(null)));
        return classModel ? withType(m, t) : withField(m, layerField(m, 0), t);
      }
      case FEATURES_ASSERTED: {
        if (target.layers().isEmpty() || target.layers().get(0).kind() == Kind.EMBEDDING) {
          return m;
        }
        Num n = mu.num().value() >= 1 && mu.extra() % 2 == 0 ? mu.num() : Num.ofInt(1 + mu.extra() % 64, mu.extra());
        Member t = target.withLayers(List.of(target.layers().get(0).withFeatures(n)));
        return classModel || fieldIndex < 0 ? withType(m, t) : withField(m, fieldIndex, t);
      }
      case FLIP_RETURN_SEQUENCES: {
        if (target.layers().isEmpty() || !target.layers().get(0).kind().recurrent()) {
          return m;
        }
        Layer l = target.layers().get(0);
        Member t = target.withLayers(List.of(l.withReturnSequences(!l.effectiveReturnSequences())));
        return classModel || fieldIndex < 0 ? withType(m, t) : withField(m, fieldIndex, t);
      }
      case EMBEDDING_LATER: {
        Layer e = new Layer(Kind.EMBEDDING, Num.ofInt(1 + mu.extra() % 1000, mu.extra()),
            Num.ofInt(1 + mu.target() % 64, mu.target()), null, null, null);
        Member f = new Member(names.next(rnd), List.of(e), null, null, grouped(rnd, m.container(), true),
            rnd.nextLong(), null);
        return insertField(m, 1 + mu.target(), f);
      }
      case NAME_CLASH: {
        if (fieldIndex < 0) {
          return m;
        }
        Member f = m.fields().get(fieldIndex);
        switch (mu.extra() % 4) {
          case 0: {
            String name = new String[] {"total", "trainable", "nonTrainable"}[mu.target() % 3];
            return names.take(name) ? withField(m, fieldIndex, f.withName(name)) : m;
          }
          case 1:
          case 2: {
            String suffix = mu.extra() % 4 == 1 ? "Kernel" : "Bias";
            String name = f.name() + suffix;
            if (!names.take(name)) {
              return m;
            }
            Member pair = new Member(name, List.of(new Layer(Kind.DENSE, Num.ofInt(2, 0), null, null, null, null)),
                null, null, f.grouped(), rnd.nextLong(), null);
            return insertField(m, mu.target(), pair);
          }
          default: {
            String name = Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1);
            if (!names.take(name)) {
              return m;
            }
            Member pair = new Member(name, List.of(new Layer(Kind.DENSE, Num.ofInt(3, 0), null, null, null, null)),
                null, null, f.grouped(), rnd.nextLong(), null);
            return insertField(m, mu.target(), pair);
          }
        }
      }
      case SHUFFLE: {
        List<Member> fields = new ArrayList<>(m.fields());
        Collections.shuffle(fields, new java.util.Random(mu.target()));
        return new Model(m.id(), m.container(), m.type(), fields, m.story());
      }
      case DELETE_LAYER: {
        if (fieldIndex < 0 || layerMemberCount(m) < 2) {
          return m;
        }
        List<Member> fields = new ArrayList<>(m.fields());
        fields.remove(fieldIndex);
        return new Model(m.id(), m.container(), m.type(), fields, m.story());
      }
      case TIGHT_BUDGET: {
        long offset = mu.extra() % 3 == 0 ? 0 : -1;
        if (classModel || fieldIndex < 0 || mu.extra() % 2 == 0) {
          return withType(m, m.type().withBudget(Budget.relative(offset)));
        }
        return withField(m, fieldIndex, target.withBudget(Budget.relative(offset)));
      }
      case JAVAC_BROKEN: {
        Member t = target.withRawText(brokenAnnotation(mu));
        return classModel || fieldIndex < 0 ? withType(m, t) : withField(m, fieldIndex, t);
      }
      case NOT_A_MODEL: {
        List<Member> fields = new ArrayList<>();
        for (Member f : m.fields()) {
          fields.add(f.withLayers(List.of()).withBidi(null).withBudget(null).withRawText(null));
        }
        Member type = m.type().withLayers(List.of()).withBidi(null).withBudget(null).withRawText(null);
        return new Model(m.id(), m.container(), type, fields, m.story());
      }
      default:
        throw new AssertionError(mu.kind());
    }
  }

  /** The annotation a JAVAC_BROKEN mutation adds: broken on its own, whatever else is there. */
  static String brokenAnnotation(Mutation mu) {
    return new String[] {
      "@Dense(units = 2) @Dense(units = 3)", // not a repeatable annotation
      "@Lstm(features = 3)", // units missing
      "@Embedding(inputDim = 4)", // outputDim missing
      "@ParamBudget(max = 1.5)", // not a long
      "@Gru(units = 3L)", // lossy conversion
      "@Bidirectional(merge = null)" // not a constant
    }[Math.floorMod(mu.extra(), 6)];
  }

  /** Enum constants and record components come first in the source, so first in the model. */
  private static Model normalize(Model m) {
    List<Member> fields = new ArrayList<>();
    if (m.container().body() == Body.ENUM || m.container().body() == Body.RECORD) {
      m.fields().stream().filter(Member::grouped).forEach(fields::add);
      m.fields().stream().filter(f -> !f.grouped()).forEach(fields::add);
    } else {
      fields.addAll(m.fields());
    }
    return new Model(m.id(), m.container(), m.type(), fields, m.story());
  }

  // ================================================================= model to source

  /** A rendered model: its file and the line of each element. */
  record Source(
      Model model,
      JavaFileObject file,
      List<String> lines,
      int firstLine,
      int headerLine,
      int[] typeLayerLines,
      int typeBidiLine,
      int typeBudgetLine,
      int[] fieldLines) {
    String text() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        b.append(String.format(Locale.ROOT, "%3d  %s%n", i + 1, lines.get(i)));
      }
      return b.toString();
    }
  }

  static Source render(Model m) {
    SplittableRandom rnd = new SplittableRandom(m.type().style());
    List<String> lines = new ArrayList<>();
    if (!m.pkg().isEmpty()) {
      lines.add("package " + m.pkg() + ";");
    }
    lines.add("import dev.paramcheck.*;");
    int firstLine = lines.size() + 1;
    String in = "";
    List<String> closing = new ArrayList<>();
    switch (m.container()) {
      case STATIC_NESTED_CLASS:
      case NESTED_RECORD:
      case NESTED_ENUM:
        lines.add("public class " + m.topName() + " {");
        in = "  ";
        closing.add("}");
        break;
      case INNER_CLASS:
        lines.add("public class " + m.topName() + "<T> {");
        in = "  ";
        closing.add("}");
        break;
      case CLASS_IN_INTERFACE:
        lines.add("public interface " + m.topName() + " {");
        in = "  ";
        closing.add("}");
        break;
      case DEEP_INNER_CLASS:
        lines.add("public class " + m.topName() + " {");
        lines.add("  static class P<T> {");
        in = "    ";
        closing.add("  }");
        closing.add("}");
        break;
      default:
        break;
    }
    // the class's annotations, one per line: layers in order, with @Bidirectional and
    // @ParamBudget somewhere among them
    Member type = m.type();
    List<String> typeAnnotations = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>(); // layer index, or -1 bidi, -2 budget, -3 raw
    for (int i = 0; i < type.layers().size(); i++) {
      typeAnnotations.add(layerText(type.layers().get(i), rnd));
      kinds.add(i);
    }
    if (type.bidi() != null) {
      int at = rnd.nextInt(typeAnnotations.size() + 1);
      typeAnnotations.add(at, bidiText(type.bidi(), rnd));
      kinds.add(at, -1);
    }
    if (type.budget() != null) {
      int at = rnd.nextInt(typeAnnotations.size() + 1);
      typeAnnotations.add(at, budgetText(type.budget(), rnd));
      kinds.add(at, -2);
    }
    if (type.raw() != null) {
      typeAnnotations.add(type.raw());
      kinds.add(-3);
    }
    int[] typeLayerLines = new int[type.layers().size()];
    int typeBidiLine = -1;
    int typeBudgetLine = -1;
    for (int i = 0; i < typeAnnotations.size(); i++) {
      lines.add(in + typeAnnotations.get(i));
      int kind = kinds.get(i);
      if (kind >= 0) {
        typeLayerLines[kind] = lines.size();
      } else if (kind == -1) {
        typeBidiLine = lines.size();
      } else if (kind == -2) {
        typeBudgetLine = lines.size();
      }
    }
    String simple = m.container().nested() ? "N" : m.topName();
    String header;
    switch (m.container()) {
      case FINAL_CLASS:
        header = "public final class " + simple + " {";
        break;
      case ABSTRACT_CLASS:
        header = "public abstract class " + simple + " implements Runnable {";
        break;
      case GENERIC_CLASS:
        header = "public class " + simple + "<T extends Comparable<T>> {";
        break;
      case INTERFACE:
        header = "public interface " + simple + " {";
        break;
      case ENUM:
        header = "public enum " + simple + " {";
        break;
      case RECORD:
        header = "public record " + simple + "(";
        break;
      case ANNOTATION_TYPE:
        header = "public @interface " + simple + " {";
        break;
      case STATIC_NESTED_CLASS:
        header = in + (rnd.nextBoolean() ? "static class " : "public static final class ") + simple + " {";
        break;
      case INNER_CLASS:
      case DEEP_INNER_CLASS:
        header = in + (rnd.nextBoolean() ? "class " : "private class ") + simple + " {";
        break;
      case CLASS_IN_INTERFACE:
        header = in + "class " + simple + " {";
        break;
      case NESTED_RECORD:
        header = in + "record " + simple + "(";
        break;
      case NESTED_ENUM:
        header = in + "enum " + simple + " {";
        break;
      default:
        header = "public class " + simple + " {";
    }
    lines.add(header);
    int headerLine = lines.size();
    int[] fieldLines = new int[m.fields().size()];
    String fin = in + "  ";
    Body body = m.container().body();
    int groupedCount = (int) m.fields().stream().filter(Member::grouped).count();
    for (int i = 0; i < m.fields().size(); i++) {
      Member f = m.fields().get(i);
      SplittableRandom fr = new SplittableRandom(f.style());
      String annotations = fieldAnnotations(f, fr);
      String prefix = fin + (annotations.isEmpty() ? "" : annotations + " ");
      if (body == Body.ENUM && f.grouped()) {
        lines.add(prefix + f.name() + ",");
      } else if (body == Body.RECORD && f.grouped()) {
        lines.add(prefix + fieldType(fr, false) + " " + f.name() + (i + 1 < groupedCount ? "," : ""));
      } else {
        if (i == groupedCount && body == Body.ENUM) {
          lines.add(fin + ";");
        } else if (i == groupedCount && body == Body.RECORD) {
          lines.add(in + ") {");
        }
        lines.add(prefix + fieldDeclaration(f.name(), body, m.container().typeVariable(), fr));
      }
      fieldLines[i] = lines.size();
    }
    if (groupedCount == m.fields().size()) {
      if (body == Body.RECORD) {
        lines.add(in + ") {");
      }
    }
    if (m.container() == Container.ABSTRACT_CLASS) {
      lines.add(fin + "public abstract void run();");
    }
    lines.add(in + "}");
    lines.addAll(closing);
    JavaFileObject file =
        Compiled.source((m.pkg().isEmpty() ? "" : m.pkg() + ".") + m.topName(), lines.toArray(new String[0]));
    return new Source(m, file, lines, firstLine, headerLine, typeLayerLines, typeBidiLine, typeBudgetLine, fieldLines);
  }

  private static String fieldAnnotations(Member f, SplittableRandom rnd) {
    List<String> parts = new ArrayList<>();
    for (Layer l : f.layers()) {
      parts.add(layerText(l, rnd));
    }
    if (f.bidi() != null) {
      parts.add(rnd.nextInt(parts.size() + 1), bidiText(f.bidi(), rnd));
    }
    if (f.budget() != null) {
      parts.add(rnd.nextInt(parts.size() + 1), budgetText(f.budget(), rnd));
    }
    if (f.raw() != null) {
      parts.add(f.raw());
    }
    if (parts.isEmpty() && rnd.nextInt(4) == 0) {
      parts.add(rnd.nextBoolean() ? "@Deprecated" : "@SuppressWarnings(\"unused\")");
    }
    return String.join(" ", parts);
  }

  private static final String[][] TYPES = {
    {"Object", "null"}, {"Object", "new Object()"}, {"int", "3"}, {"String", "\"s\""}, {"long[]", "{}"},
    {"java.util.List<String>", "null"}, {"Runnable", "null"}
  };

  private static String fieldType(SplittableRandom rnd, boolean typeVariable) {
    if (typeVariable && rnd.nextInt(4) == 0) {
      return "T";
    }
    return TYPES[rnd.nextInt(TYPES.length)][0];
  }

  private static String fieldDeclaration(String name, Body body, boolean typeVariable, SplittableRandom rnd) {
    String[] type = TYPES[rnd.nextInt(TYPES.length)];
    switch (body) {
      case INTERFACE: {
        String mods = new String[] {"", "", "public ", "static ", "final ", "public static final "}[rnd.nextInt(6)];
        return mods + type[0] + " " + name + " = " + type[1] + ";";
      }
      case RECORD: {
        String mods = new String[] {"static ", "private static ", "public static final ", "static final "}[rnd.nextInt(4)];
        boolean init = mods.contains("final") || rnd.nextBoolean();
        return mods + type[0] + " " + name + (init ? " = " + type[1] : "") + ";";
      }
      default: {
        String mods = new String[] {
          "", "", "", "private ", "public ", "protected ", "static ", "private static ", "private final ",
          "public static final ", "transient ", "volatile ", "final "
        }[rnd.nextInt(13)];
        boolean isStatic = mods.contains("static");
        if (typeVariable && !isStatic && rnd.nextInt(3) == 0) {
          type = new String[] {"T", "null"};
        }
        boolean init = mods.contains("final") || rnd.nextInt(3) == 0;
        return mods + type[0] + " " + name + (init ? " = " + type[1] : "") + ";";
      }
    }
  }

  private static String q(SplittableRandom rnd) {
    return rnd.nextInt(6) == 0 ? "dev.paramcheck." : "";
  }

  private static String layerText(Layer l, SplittableRandom rnd) {
    List<String> values = new ArrayList<>();
    if (l.kind() == Kind.EMBEDDING) {
      values.add("inputDim = " + l.units().literal());
      values.add("outputDim = " + l.features().literal());
    } else {
      values.add("units = " + l.units().literal());
      if (l.features() != null) {
        values.add("features = " + l.features().literal());
      }
      if (l.useBias() != null) {
        values.add("useBias = " + l.useBias());
      }
      if (l.returnSequences() != null) {
        values.add("returnSequences = " + l.returnSequences());
      }
      if (l.resetAfter() != null) {
        values.add("resetAfter = " + l.resetAfter());
      }
    }
    if (rnd.nextInt(4) == 0) {
      Collections.shuffle(values, new java.util.Random(rnd.nextLong()));
    }
    return "@" + q(rnd) + l.kind().annotation + "(" + String.join(", ", values) + ")";
  }

  private static String bidiText(String bidi, SplittableRandom rnd) {
    String q = q(rnd);
    if (bidi.isEmpty()) {
      return "@" + q + "Bidirectional";
    }
    if (bidi.equals("()")) {
      return "@" + q + "Bidirectional()";
    }
    return "@" + q + "Bidirectional(merge = " + q + "Bidirectional.Merge." + bidi + ")";
  }

  private static String budgetText(Budget b, SplittableRandom rnd) {
    if (b.isRelative()) {
      throw new IllegalStateException("budget not resolved");
    }
    return "@" + q(rnd) + "ParamBudget(max = " + b.fixed().literal() + ")";
  }

  // ================================================================= literals

  static String intLiteral(int v, int style) {
    if (v == Integer.MAX_VALUE && style % 3 == 0) {
      return "Integer.MAX_VALUE";
    }
    if (v == Integer.MAX_VALUE && style % 3 == 1) {
      return "0x7fffffff";
    }
    if (v == Integer.MIN_VALUE && style % 2 == 0) {
      return "Integer.MIN_VALUE";
    }
    if (v > 0 && Integer.bitCount(v) == 1 && style % 4 == 0) {
      return "(1 << " + Integer.numberOfTrailingZeros(v) + ")";
    }
    if (Math.abs((long) v) >= 1000 && style % 4 == 1) {
      return String.format(Locale.ROOT, "%,d", v).replace(',', '_');
    }
    return Integer.toString(v);
  }

  static String longLiteral(long v, int style) {
    if (v == Long.MAX_VALUE) {
      return new String[] {"Long.MAX_VALUE", "9223372036854775807L", "0x7fffffffffffffffL", "9_223_372_036_854_775_807L"}[style % 4];
    }
    if (v == Long.MIN_VALUE) {
      return style % 2 == 0 ? "Long.MIN_VALUE" : "-9223372036854775808L";
    }
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE && style % 2 == 0) {
      return intLiteral((int) v, style / 2); // an int widened to long
    }
    if (Math.abs(v) >= 1000 && style % 4 == 1) {
      return String.format(Locale.ROOT, "%,dL", v).replace(',', '_');
    }
    return v + "L";
  }
}
