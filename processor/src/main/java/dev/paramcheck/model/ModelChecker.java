package dev.paramcheck.model;

import dev.paramcheck.Bidirectional.Merge;
import dev.paramcheck.model.Site.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a declared model and counts its parameters as Keras does: placement of the annotations,
 * their values, the shapes between stacked layers, exact (never wrapping) counts and budgets.
 *
 * <p>Each problem is reported once, where it is. A problem that leaves a layer's output unknown
 * stops the shape checks after it, so one mistake never causes a second error; problems that
 * don't (a wrong {@code features} assertion, a missing time axis) let the checks go on, so the user
 * sees every independent mistake in one compile. Runs in time linear in the number of layers.
 */
public final class ModelChecker {
  private final ModelDeclaration model;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Integer> invalidLayers = new HashSet<>(); // members whose layer has an invalid value
  private boolean countable = true;

  private ModelChecker(ModelDeclaration model) {
    this.model = model;
  }

  /** Checks and counts {@code model}. */
  public static Analysis check(ModelDeclaration model) {
    return new ModelChecker(model).run();
  }

  private Analysis run() {
    checkPlacement();
    countable = problems.isEmpty(); // misplaced annotations: which layers the model has is unclear
    boolean valuesValid = checkValues();
    List<Integer> layerMembers = layerMembers();
    if (!countable) {
      return new Analysis(problems, Optional.empty());
    }
    if (!valuesValid) {
      countable = false;
    }
    List<LayerSummary> layers = checkLayers(layerMembers);
    checkConstantNames(layerMembers);
    if (!countable || layers.size() != layerMembers.size()) {
      return new Analysis(problems, Optional.empty());
    }
    OptionalLong total = total(layers);
    if (total.isEmpty()) {
      return new Analysis(problems, Optional.empty());
    }
    checkModelBudget(layers, total.getAsLong());
    return new Analysis(problems, Optional.of(new ModelSummary(model.name(), layers, total.getAsLong())));
  }

  // ---------------------------------------------------------------- placement

  private void checkPlacement() {
    List<Member> members = model.members();
    Member type = members.get(0);
    long fieldLayers = members.stream().skip(1).filter(m -> !m.layers().isEmpty()).count();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      for (int extra = 1; extra < m.layers().size(); extra++) {
        String first = m.layers().get(0).type().annotationName();
        String other = m.layers().get(extra).type().annotationName();
        Message message = m.isClass() ? Message.MULTIPLE_LAYERS_ON_CLASS : Message.MULTIPLE_LAYERS_ON_FIELD;
        report(message, new Site(i, Part.LAYER, extra, null), m.name(), first, other, other);
      }
      if (m.bidirectional().isPresent() && m.layers().isEmpty()) {
        report(
            Message.BIDIRECTIONAL_WITHOUT_LAYER,
            new Site(i, Part.BIDIRECTIONAL, 0, null),
            (m.isClass() ? "class " : "field '") + m.name() + (m.isClass() ? "" : "'"),
            m.isClass() ? "class" : "field");
      }
      if (!m.isClass() && m.budget().isPresent() && m.layers().isEmpty()) {
        report(Message.BUDGET_WITHOUT_LAYER, new Site(i, Part.BUDGET, 0, null), m.name());
      }
    }
    if (!type.layers().isEmpty() && fieldLayers > 0) {
      String annotation = type.layers().get(0).type().annotationName();
      report(Message.CLASS_AND_FIELD_LAYERS, Site.layer(0), type.name(), annotation, fieldLayers, annotation);
    }
    if (type.layers().isEmpty() && fieldLayers == 0 && type.budget().isPresent()) {
      report(Message.NO_LAYERS, new Site(0, Part.BUDGET, 0, null), type.name());
    }
  }

  /** The members that form the model's layers, in order. */
  private List<Integer> layerMembers() {
    List<Member> members = model.members();
    if (!members.get(0).layers().isEmpty()) {
      return List.of(0);
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 1; i < members.size(); i++) {
      if (!members.get(i).layers().isEmpty()) {
        indices.add(i);
      }
    }
    return indices;
  }

  // ---------------------------------------------------------------- values

  /**
   * Reports every non-positive value, on the value; returns whether all were valid. Remembers the
   * members whose layer has an invalid value: that layer's output is unknown.
   */
  private boolean checkValues() {
    boolean valid = true;
    List<Member> members = model.members();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      for (int j = 0; j < m.layers().size(); j++) {
        if (!checkLayerValues(i, j, m, m.layers().get(j))) {
          valid = false;
          if (j == 0) {
            invalidLayers.add(i);
          }
        }
      }
      if (m.budget().isPresent()) {
        valid &= positive(
            m.budget().getAsLong(),
            new Site(i, Part.BUDGET, 0, "max"),
            "@ParamBudget of " + (m.isClass() ? "model " : "field '") + m.name() + (m.isClass() ? "" : "'"),
            " (it is the largest parameter count allowed)");
      }
    }
    return valid;
  }

  /** Reports the non-positive values of layer annotation {@code j} of member {@code i}. */
  private boolean checkLayerValues(int i, int j, Member m, LayerSpec spec) {
    String where = describe(m, spec);
    boolean valid = true;
    if (spec.type() == LayerType.EMBEDDING) {
      valid &= positive(spec.inputDim(), new Site(i, Part.LAYER, j, "inputDim"), where, " (the vocabulary size)");
      valid &= positive(spec.outputDim(), new Site(i, Part.LAYER, j, "outputDim"), where, "");
    } else {
      valid &= positive(spec.units(), new Site(i, Part.LAYER, j, "units"), where, "");
      if (spec.features().isPresent()) {
        valid &= positive(
            spec.features().getAsInt(),
            new Site(i, Part.LAYER, j, "features"),
            where,
            " (the size of the input's last axis; leave it out on a later layer to infer it)");
      }
    }
    return valid;
  }

  private boolean positive(long value, Site site, String where, String hint) {
    if (value >= 1) {
      return true;
    }
    report(Message.INVALID_VALUE, site, site.attribute(), value, where, site.attribute(), hint);
    return false;
  }

  // ---------------------------------------------------------------- shapes and counts

  /**
   * Walks the layers in order. Returns the counted layers; fewer than there are when a problem
   * left a layer's output unknown.
   */
  private List<LayerSummary> checkLayers(List<Integer> layerMembers) {
    List<LayerSummary> out = new ArrayList<>(layerMembers.size());
    Shape previous = null;
    String previousRef = null;
    String timeDroppedBy = null; // reference of the layer whose output lost the time axis
    boolean droppedByRecurrent = false;
    for (int position = 0; position < layerMembers.size(); position++) {
      int index = layerMembers.get(position);
      Member m = model.members().get(index);
      LayerSpec spec = m.layers().get(0);
      if (invalidLayers.contains(index)) {
        return out; // reported by checkValues; this layer's output is unknown
      }
      Optional<Merge> merge = m.bidirectional();
      String ref = describe(m, spec);
      if (merge.isPresent() && !spec.type().isRecurrent()) {
        report(Message.BIDIRECTIONAL_NOT_RECURRENT, new Site(index, Part.BIDIRECTIONAL, 0, null), ref);
        return out;
      }
      Shape input;
      if (spec.type() == LayerType.EMBEDDING) {
        if (position > 0) {
          report(Message.EMBEDDING_NOT_FIRST, Site.layer(index), ref, position + 1, previousRef);
          return out;
        }
        input = null;
      } else if (position == 0) {
        if (spec.features().isEmpty()) {
          report(Message.MISSING_FEATURES, Site.layer(index), ref, spec.type().annotationName());
          return out;
        }
        input = new Shape(spec.type().isRecurrent(), spec.features().getAsInt());
        if (spec.type() == LayerType.DENSE) {
          timeDroppedBy = ref;
          droppedByRecurrent = false;
        }
      } else {
        input = previous;
        OptionalInt asserted = spec.features();
        if (asserted.isPresent() && asserted.getAsInt() != previous.features()) {
          report(
              Message.FEATURES_MISMATCH,
              Site.layerValue(index, "features"),
              asserted.getAsInt(),
              ref,
              previousRef,
              previous.features(),
              previous,
              previous.features());
          countable = false;
        }
        if (spec.type().isRecurrent() && !previous.sequence()) {
          String fix =
              droppedByRecurrent
                  ? "set returnSequences = true on " + timeDroppedBy + " so that it outputs the whole"
                      + " sequence"
                  : "a first @Dense takes a plain vector and keeps it one, so start the model with a"
                      + " recurrent layer (with features) or an @Embedding";
          report(Message.NEEDS_SEQUENCE, Site.layer(index), ref, previousRef, previous, fix);
          countable = false;
        }
      }
      List<Weight> weights;
      long params;
      try {
        weights = weights(spec, merge, input == null ? 0 : input.features());
        params = 0;
        for (Weight w : weights) {
          params = Math.addExact(params, w.count());
        }
      } catch (ArithmeticException overflow) {
        report(Message.COUNT_OVERFLOW, Site.layer(index), ref, sizes(spec, input));
        countable = false;
        weights = List.of();
        params = -1;
      }
      Shape output = output(spec, merge, input);
      if (spec.type().isRecurrent() && !spec.returnSequences()) {
        timeDroppedBy = ref;
        droppedByRecurrent = true;
      }
      if (params >= 0) {
        checkLayerBudget(index, m, ref, params, weights);
      }
      String name = layerName(m, merge);
      String kerasClass = merge.isPresent() ? "Bidirectional" : spec.type().kerasClass();
      out.add(new LayerSummary(name, Names.upperSnake(name), kerasClass, output, params, weights));
      previous = output;
      previousRef = ref;
    }
    return out;
  }

  private static Shape output(LayerSpec spec, Optional<Merge> merge, Shape input) {
    switch (spec.type()) {
      case EMBEDDING:
        return new Shape(true, spec.outputDim());
      case DENSE:
        return new Shape(input.sequence(), spec.units());
      default:
        long features = merge.orElse(null) == Merge.CONCAT ? 2L * spec.units() : spec.units();
        return new Shape(spec.returnSequences(), features);
    }
  }

  /**
   * The layer's weights in Keras's order, each with its size. The arithmetic is exact: a size
   * that does not fit in a long throws {@link ArithmeticException}.
   */
  static List<Weight> weights(LayerSpec spec, Optional<Merge> merge, long features) {
    List<Weight> one = new ArrayList<>(3);
    switch (spec.type()) {
      case EMBEDDING:
        one.add(new Weight("EMBEDDINGS", Math.multiplyExact((long) spec.inputDim(), spec.outputDim())));
        return one;
      case DENSE:
        one.add(new Weight("KERNEL", Math.multiplyExact(features, spec.units())));
        one.add(new Weight("BIAS", spec.useBias() ? spec.units() : 0));
        return one;
      default:
        long gateUnits = (long) spec.type().gates() * spec.units();
        one.add(new Weight("KERNEL", Math.multiplyExact(features, gateUnits)));
        one.add(new Weight("RECURRENT_KERNEL", Math.multiplyExact((long) spec.units(), gateUnits)));
        // GRU with reset_after keeps an input and a recurrent bias per gate unit
        int biases = spec.type() == LayerType.GRU && spec.resetAfter() ? 2 : 1;
        one.add(new Weight("BIAS", spec.useBias() ? biases * gateUnits : 0));
        if (merge.isEmpty()) {
          return one;
        }
        List<Weight> both = new ArrayList<>(6);
        for (String direction : new String[] {"FORWARD_", "BACKWARD_"}) {
          for (Weight w : one) {
            both.add(new Weight(direction + w.key(), w.count()));
          }
        }
        return both;
    }
  }

  private static String sizes(LayerSpec spec, Shape input) {
    if (spec.type() == LayerType.EMBEDDING) {
      return "inputDim = " + spec.inputDim() + " and outputDim = " + spec.outputDim();
    }
    return "units = " + spec.units() + " on " + input.features() + " input features";
  }

  private void checkLayerBudget(int index, Member m, String ref, long params, List<Weight> weights) {
    if (m.isClass() || m.budget().isEmpty() || m.budget().getAsLong() < 1) {
      return; // a class budget bounds the model, checked with the total
    }
    long max = m.budget().getAsLong();
    if (params > max) {
      String breakdown =
          weights.stream()
              .filter(w -> w.count() > 0)
              .map(w -> w.key().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + Numbers.grouped(w.count()))
              .collect(Collectors.joining(" + "));
      report(
          Message.LAYER_OVER_BUDGET,
          new Site(index, Part.BUDGET, 0, "max"),
          ref,
          Numbers.grouped(params),
          breakdown,
          Numbers.grouped(params - max),
          Numbers.grouped(max));
    }
  }

  // ---------------------------------------------------------------- model level

  private OptionalLong total(List<LayerSummary> layers) {
    long total = 0;
    for (LayerSummary layer : layers) {
      try {
        total = Math.addExact(total, layer.params());
      } catch (ArithmeticException overflow) {
        Site site =
            model.members().get(0).budget().isPresent()
                ? new Site(0, Part.BUDGET, 0, null)
                : new Site(0, null, 0, null);
        report(Message.TOTAL_OVERFLOW, site, model.name(), largest(layers, -1));
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }

  private void checkModelBudget(List<LayerSummary> layers, long total) {
    Member type = model.members().get(0);
    if (type.budget().isEmpty() || type.budget().getAsLong() < 1) {
      return;
    }
    long max = type.budget().getAsLong();
    if (total > max) {
      report(
          Message.MODEL_OVER_BUDGET,
          new Site(0, Part.BUDGET, 0, "max"),
          model.name(),
          Numbers.grouped(total),
          Numbers.grouped(total - max),
          Numbers.grouped(max),
          largest(layers, total));
    }
  }

  /** The three largest layers, largest first (declaration order among equals), with shares. */
  private static String largest(List<LayerSummary> layers, long total) {
    return layers.stream()
        .sorted(Comparator.comparingLong(LayerSummary::params).reversed())
        .limit(3)
        .map(l -> l.name() + " " + Numbers.grouped(l.params())
            + (total > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * l.params() / total) : ""))
        .collect(Collectors.joining(", "));
  }

  /** Generated constant names must be unique: {@code total} and {@code TOTAL} would both clash. */
  private void checkConstantNames(List<Integer> layerMembers) {
    Map<String, String> owners = new HashMap<>();
    owners.put("TOTAL_PARAMS", "the model total");
    owners.put("TRAINABLE_PARAMS", "the model total");
    owners.put("NON_TRAINABLE_PARAMS", "the model total");
    for (int index : layerMembers) {
      Member m = model.members().get(index);
      LayerSpec spec = m.layers().get(0);
      String name = layerName(m, m.bidirectional());
      String prefix = Names.upperSnake(name);
      String owner = m.isClass() ? "layer " + name : "field '" + m.name() + "'";
      List<String> constants = new ArrayList<>();
      constants.add(prefix + "_PARAMS");
      boolean bidirectional = m.bidirectional().isPresent() && spec.type().isRecurrent();
      for (Weight w : weights(constantShape(spec), bidirectional ? m.bidirectional() : Optional.empty(), 1)) {
        constants.add(prefix + "_" + w.key() + "_PARAMS");
      }
      for (String constant : constants) {
        String previous = owners.putIfAbsent(constant, owner);
        if (previous != null && !previous.equals(owner)) {
          report(Message.CONSTANT_CLASH, Site.layer(index), owner, constant, previous);
          countable = false;
          break;
        }
      }
    }
  }

  /** A copy of {@code spec} with sizes that cannot overflow, to list its weights' names. */
  private static LayerSpec constantShape(LayerSpec spec) {
    return new LayerSpec(
        spec.type(), 1, OptionalInt.of(1), spec.useBias(), spec.returnSequences(), spec.resetAfter(), 1, 1);
  }

  // ---------------------------------------------------------------- names

  private static String layerName(Member m, Optional<Merge> merge) {
    if (!m.isClass()) {
      return m.name();
    }
    return merge.isPresent() && m.layers().get(0).type().isRecurrent()
        ? "bidirectional"
        : m.layers().get(0).type().kerasDefaultName();
  }

  /** How messages name a layer: {@code layer 'encoder' (LSTM)}. */
  private static String describe(Member m, LayerSpec spec) {
    String name = m.isClass() ? spec.type().kerasDefaultName() : m.name();
    return "layer '" + name + "' (" + spec.type().kerasClass() + ")";
  }

  private void report(Message message, Site site, Object... args) {
    problems.add(Problem.of(message, site, args));
  }
}
