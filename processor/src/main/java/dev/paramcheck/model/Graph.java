package dev.paramcheck.model;

import dev.paramcheck.model.layer.BlockLayer;
import dev.paramcheck.model.layer.Context;
import dev.paramcheck.model.layer.EmbeddingLayer;
import dev.paramcheck.model.layer.InputLayer;
import dev.paramcheck.model.layer.Layer;
import dev.paramcheck.model.layer.MaskingLayer;
import dev.paramcheck.model.layer.ModelInput;
import dev.paramcheck.model.layer.MultiInput;
import dev.paramcheck.model.layer.OpLayer;
import dev.paramcheck.model.layer.Refusal;
import dev.paramcheck.model.layer.Step;
import dev.paramcheck.model.layer.TextVectorizationLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A functional model's graph: which tensors each layer takes ({@code @From}, or the previous field),
 * checked and walked from the inputs in dependency order, each layer's input and output shapes
 * found. Every {@code @From} mistake is reported on the value at fault; a layer whose input is
 * unknown (an earlier mistake) is skipped without a second error. Linear in layers and
 * connections: references are resolved through one map, the order found by Kahn's algorithm, and
 * a cycle is reported without recursion.
 */
final class Graph {
  /** One tensor a layer takes: the producing layer's index and which of its outputs. */
  record Tensor(int producer, int index) {}

  /**
   * A layer of the graph, walked.
   *
   * @param inbound the tensors it is called on, in call order, then its initial states, then the
   *     mask Keras hands it
   * @param outputs its output tensors' shapes (one, or more with {@code returnState})
   * @param mask the mask its first output carries, or null
   * @param created when Keras creates it, for the automatic names of operations
   * @param synthetic an operation Keras adds itself for a mask: the {@code NotEqual} of an Embedding's
   *     mask, the {@code LogicalOr} of a merge's
   */
  record Node(
      Declared declared, Layer layer, Context context, List<Tensor> inbound, List<Shape> outputs, Tensor mask,
      long created, boolean synthetic) {
    Node(Declared declared, Layer layer, Context context, List<Tensor> inbound, List<Shape> outputs) {
      this(declared, layer, context, inbound, outputs, null, 0, false);
    }

    Node withMask(Tensor newMask, long order) {
      return new Node(declared, layer, context, inbound, outputs, newMask, order, synthetic);
    }
  }

  /**
   * The outcome.
   *
   * @param nodes the walked layers in declaration order (empty where a layer's output is unknown)
   * @param complete whether every layer was walked
   */
  record Result(List<Optional<Node>> nodes, List<ShapeWalk.Walked> walked, List<Problem> problems, boolean complete) {}

  private static final Pattern REFERENCE = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)(?:\\[(\\d{1,9})])?");

  private final ModelDeclaration model;
  private final List<Declared> layers;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  /** Per layer: its call inputs, then its states; null where a reference is wrong. */
  private final List<List<Tensor>> inbound = new ArrayList<>();
  private final int[] callInputs;
  /** Per reference: where it is written, to report on it: the @From annotation and the attribute. */
  private final List<List<Site>> sites = new ArrayList<>();

  private Graph(ModelDeclaration model, List<Declared> layers) {
    this.model = model;
    this.layers = layers;
    this.callInputs = new int[layers.size()];
  }

  /** Whether {@code layers} form a functional model: one of them is an {@code @Input}. */
  static boolean isFunctional(List<Declared> layers) {
    return layers.stream().anyMatch(d -> d.written().annotation().equals("Input"));
  }

  static Result walk(ModelDeclaration model, List<Declared> layers) {
    Graph graph = new Graph(model, layers);
    return graph.run();
  }

  private Result run() {
    for (int i = 0; i < layers.size(); i++) {
      byName.put(layers.get(i).name(), i);
    }
    boolean resolved = true;
    for (int i = 0; i < layers.size(); i++) {
      resolved &= resolve(i);
    }
    List<Optional<Node>> nodes = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      nodes.add(Optional.empty());
    }
    List<Integer> order = order();
    if (order.size() < layers.size()) {
      reportCycle(order);
      return new Result(nodes, List.of(), problems, false);
    }
    boolean complete = resolved;
    List<ShapeWalk.Walked> walked = new ArrayList<>(layers.size());
    for (int i : order) {
      Optional<Node> node = visit(i, nodes).map(v -> masked(v, nodes));
      nodes.set(i, node);
      complete &= node.isPresent();
    }
    for (int i : order) {
      nodes.get(i).ifPresent(n -> {
        if (!(n.layer() instanceof InputLayer) && !n.synthetic()) {
          walked.add(new ShapeWalk.Walked(n.declared(), n.layer(), n.context(), input(n, nodes), n.outputs().get(0),
              callShapes(n, nodes)));
        }
      });
    }
    walked.sort((a, b) -> Integer.compare(a.declared().at().member(), b.declared().at().member()));
    if (resolved) {
      checkInputsUsed(); // a reference that is wrong may be the one meant to take it: reported already
    }
    return new Result(nodes, walked, problems, complete);
  }

  private static Shape input(Node n, List<Optional<Node>> nodes) {
    Tensor first = n.inbound().get(0);
    return nodes.get(first.producer()).orElseThrow().outputs().get(first.index());
  }

  /** The shapes of the tensors a layer is called on (not its states or mask), in call order. */
  private List<Shape> callShapes(Node n, List<Optional<Node>> nodes) {
    int count = callInputs[n.context().position() - 1];
    List<Shape> shapes = new ArrayList<>(count);
    for (Tensor t : n.inbound().subList(0, Math.max(1, count))) {
      shapes.add(nodes.get(t.producer()).orElseThrow().outputs().get(t.index()));
    }
    return shapes;
  }

  /** Reads layer {@code i}'s references; false when one is wrong (reported). */
  private boolean resolve(int i) {
    Declared d = layers.get(i);
    Member member = model.members().get(d.at().member());
    int from = Placement.indexOf(member, "From");
    List<Tensor> tensors = new ArrayList<>(2);
    List<Site> where = new ArrayList<>(2);
    inbound.add(tensors);
    sites.add(where);
    boolean isInput = d.written().annotation().equals("Input");
    if (isInput) {
      if (from >= 0) {
        problems.add(Problem.of(Message.FROM_ON_INPUT, Site.annotation(d.at().member(), from), member.name()));
        inbound.set(i, null);
        return false;
      }
      return true;
    }
    if (from < 0) {
      if (i == 0) {
        problems.add(Problem.of(Message.NOTHING_BEFORE, Site.annotation(d.at().member(), d.at().annotation()), member.name()));
        inbound.set(i, null);
        return false;
      }
      tensors.add(new Tensor(i - 1, 0));
      where.add(Site.annotation(d.at().member(), d.at().annotation()));
      callInputs[i] = 1;
      return true;
    }
    Attributes attributes = member.annotations().get(from).attributes();
    boolean ok = true;
    List<String> values = attributes.strings("value");
    if (values.isEmpty()) {
      problems.add(Problem.of(Message.FROM_BAD_REFERENCE, Site.annotation(d.at().member(), from).at("value"), "value", "", member.name()));
      ok = false;
    }
    ok &= references(i, d, from, "value", values, tensors, where);
    callInputs[i] = tensors.size();
    ok &= references(i, d, from, "initialState", attributes.strings("initialState"), tensors, where);
    if (!ok) {
      inbound.set(i, null);
    }
    return ok;
  }

  private boolean references(
      int i, Declared d, int from, String attribute, List<String> refs, List<Tensor> tensors, List<Site> where) {
    boolean ok = true;
    String field = model.members().get(d.at().member()).name();
    for (int k = 0; k < refs.size(); k++) {
      String ref = refs.get(k);
      Site site = Site.annotation(d.at().member(), from).at(attribute + "[" + k + "]");
      Matcher m = REFERENCE.matcher(ref.strip());
      if (!m.matches()) {
        problems.add(Problem.of(Message.FROM_BAD_REFERENCE, site, attribute, ref, field));
        ok = false;
        continue;
      }
      Integer producer = byName.get(m.group(1));
      if (producer == null) {
        problems.add(Problem.of(Message.FROM_UNKNOWN, site, attribute, ref, field, unknownWhy(m.group(1)),
            model.name(), nearest(m.group(1))));
        ok = false;
        continue;
      }
      if (producer == i) {
        problems.add(Problem.of(Message.FROM_SELF, site, attribute, ref, field));
        ok = false;
        continue;
      }
      tensors.add(new Tensor(producer, m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
      where.add(site);
    }
    return ok;
  }

  private String unknownWhy(String name) {
    boolean isField = model.members().stream().anyMatch(m -> !m.isClass() && m.name().equals(name));
    return isField ? "field '" + name + "' declares no layer" : "there is no field '" + name + "'";
  }

  /** The layers' names, for the message: the closest first. */
  private String nearest(String name) {
    return layers.stream()
        .map(Declared::name)
        .sorted((a, b) -> Integer.compare(distance(a, name), distance(b, name)))
        .limit(5)
        .collect(Collectors.joining(", "));
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** Kahn's algorithm, the lowest declaration index first among the ready layers. */
  private List<Integer> order() {
    int n = layers.size();
    int[] waiting = new int[n];
    List<List<Integer>> consumers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      consumers.add(new ArrayList<>(1));
    }
    for (int i = 0; i < n; i++) {
      if (inbound.get(i) == null) {
        continue;
      }
      for (Tensor t : inbound.get(i)) {
        waiting[i]++;
        consumers.get(t.producer()).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order.add(i);
      for (int c : consumers.get(i)) {
        if (--waiting[c] == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }

  /** Reports the cycle through the first layer left out of {@code order}, on the value that closes it. */
  private void reportCycle(List<Integer> order) {
    boolean[] done = new boolean[layers.size()];
    order.forEach(i -> done[i] = true);
    int start = 0;
    while (done[start]) {
      start++;
    }
    // follow inbound references among the layers in the cycle until one repeats
    Map<Integer, Integer> seenAt = new HashMap<>();
    List<Integer> path = new ArrayList<>();
    List<Integer> via = new ArrayList<>();
    int at = start;
    while (!seenAt.containsKey(at)) {
      seenAt.put(at, path.size());
      path.add(at);
      List<Tensor> in = inbound.get(at);
      int next = -1;
      int k = 0;
      for (; k < in.size(); k++) {
        if (!done[in.get(k).producer()]) {
          next = in.get(k).producer();
          break;
        }
      }
      via.add(k);
      at = next;
    }
    int first = seenAt.get(at);
    List<Integer> cycle = path.subList(first, path.size());
    // the value at fault is the reference to a later field: the edge that turns the order around
    int j = 0;
    for (int c = 0; c < cycle.size(); c++) {
      if (cycle.get((c + 1) % cycle.size()) >= cycle.get(c)) {
        j = c;
        break;
      }
    }
    int closing = cycle.get(j);
    int reference = via.get(first + j);
    StringBuilder text = new StringBuilder();
    for (int c = 0; c <= cycle.size(); c++) {
      int k = Math.floorMod(j - c, cycle.size());
      text.append(c == 0 ? "" : " -> ").append(layers.get(cycle.get((k + 1) % cycle.size())).name());
    }
    Site site = sites.get(closing).get(reference);
    String attribute = site.attribute().substring(0, site.attribute().indexOf('['));
    String ref = model.members().get(site.member()).annotations().get(site.annotation()).attributes()
        .strings(attribute).get(Integer.parseInt(site.attribute().replaceAll("\\D", "")));
    problems.add(Problem.of(Message.FROM_CYCLE, site, attribute, ref, layers.get(closing).name(), text));
  }

  private Optional<Node> visit(int i, List<Optional<Node>> nodes) {
    Declared d = layers.get(i);
    if (d.layer().isEmpty() || inbound.get(i) == null) {
      return Optional.empty(); // its values or references were wrong: reported
    }
    Layer layer = d.layer().get();
    List<Tensor> tensors = inbound.get(i);
    List<Shape> shapes = new ArrayList<>(tensors.size());
    for (int k = 0; k < tensors.size(); k++) {
      Tensor t = tensors.get(k);
      Optional<Node> producer = nodes.get(t.producer());
      if (producer.isEmpty()) {
        return Optional.empty(); // an earlier layer's output is unknown: reported there
      }
      List<Shape> outputs = producer.get().outputs();
      if (t.index() >= outputs.size()) {
        Site site = sites.get(i).get(k);
        String attribute = site.attribute().substring(0, site.attribute().indexOf('['));
        String ref = model.members().get(site.member()).annotations().get(site.annotation()).attributes()
            .strings(attribute).get(Integer.parseInt(site.attribute().replaceAll("\\D", "")));
        Node p = producer.get();
        String hint = p.layer() instanceof dev.paramcheck.model.layer.Recurrent
                || p.layer() instanceof dev.paramcheck.model.layer.BidirectionalLayer
            ? outputs.size() == 1 ? "; set returnState = true on it to take its states" : ""
            : "";
        problems.add(Problem.of(Message.FROM_INDEX, site, attribute, ref, model.members().get(d.at().member()).name(),
            p.context().ref(), outputs.size(), outputs.stream().map(Shape::toString).collect(Collectors.joining(", ")),
            outputs.size() - 1, hint));
        return Optional.empty();
      }
      shapes.add(outputs.get(t.index()));
    }
    String previous = tensors.isEmpty() ? "the model's input" : nodes.get(tensors.get(0).producer()).orElseThrow().context().ref();
    Context context = new Context(d.ref(), i + 1, previous, true);
    Site site = Site.annotation(d.at().member(), d.at().annotation());
    List<Shape> inputs = shapes.subList(0, callInputs[i]);
    List<Shape> states = shapes.subList(callInputs[i], shapes.size());
    if (layer instanceof InputLayer input) {
      return Optional.of(new Node(d, layer, context, tensors, List.of(input.declared())));
    }
    Step step;
    List<Shape> blockOutputs = null;
    if (layer instanceof MultiInput merge) {
      if (!merge.accepts(inputs.size())) {
        problems.add(Problem.of(Message.MERGE_INPUT_COUNT, fromSite(i, site), d.ref(), merge.arity(), inputs.size(),
            inputs.stream().map(Shape::toString).collect(Collectors.joining(", "))));
        return Optional.empty();
      }
      step = merge.output(inputs, context);
    } else if (layer instanceof BlockLayer block) {
      if (!states.isEmpty() && !checkStates(i, d, layer, inputs.get(0), states)) {
        return Optional.empty();
      }
      step = block.output(inputs, context); // one tensor per @Input of the block, in order
      if (step instanceof Step.Output && block.outputs(inputs) instanceof BlockLayer.Called.Outputs all) {
        blockOutputs = all.shapes();
      }
    } else {
      if (inputs.size() != 1) {
        problems.add(Problem.of(Message.TOO_MANY_INPUTS, fromSite(i, site), d.ref(), inputs.size(),
            inputs.stream().map(Shape::toString).collect(Collectors.joining(", "))));
        return Optional.empty();
      }
      Shape input = inputs.get(0);
      if (layer.needsSequence() && !input.sequence()) {
        problems.add(Problem.of(Message.NOT_A_SEQUENCE_RANK, site, d.ref(), previous, input,
            input.vector() ? "a plain vector has no time axis; take a sequence, or add @RepeatVector before it"
                : "use @Reshape to make it (timesteps, features)"));
        return Optional.empty();
      }
      if (layer.needsFeatures() && input.features() == Shape.UNKNOWN) {
        problems.add(Problem.of(Message.UNKNOWN_LAST_AXIS, site, d.ref(), previous, input));
        return Optional.empty();
      }
      if (layer instanceof ModelInput asserted) {
        problems.addAll(ShapeWalk.checkAssertions(
            d, asserted, previous, input, nodes.get(tensors.get(0).producer()).orElseThrow().layer()));
      }
      if (!states.isEmpty() && !checkStates(i, d, layer, input, states)) {
        return Optional.empty();
      }
      vocabulary(d, layer, tensors, nodes);
      step = layer.output(input, context);
    }
    if (step instanceof Step.Refused refused) {
      Refusal refusal = refused.refusal();
      String attribute = refusal.attribute();
      if ("from".equals(attribute)) { // the inputs are at fault: on @From's value
        problems.add(new Problem(refusal.message(), fromSite(i, site), refusal.text()));
      } else if (attribute != null && attribute.startsWith("value[")) { // one tensor: on its value
        Site from = fromSite(i, site);
        problems.add(new Problem(refusal.message(), from == site ? site : from.at(attribute), refusal.text()));
      } else {
        problems.add(d.problem(refusal));
      }
      return Optional.empty();
    }
    Shape output = ((Step.Output) step).shape();
    List<Shape> outputs = new ArrayList<>(1);
    outputs.add(output);
    if (blockOutputs != null) {
      outputs = blockOutputs; // a block returns its model's outputs: "block[0]", "block[1]", ...
    } else if (!(layer instanceof MultiInput)) {
      outputs.addAll(layer.extraOutputs(inputs.get(0)));
    }
    return Optional.of(new Node(d, layer, context, tensors, outputs));
  }

  /** Keras's order of creation: a layer's own, then the operations its mask needs, in order. */
  private static final int OPS_PER_LAYER = 1 << 20;

  /**
   * Keras's masks ({@code Layer.__call__}, layer.py 947-977 and 1031-1037): a layer whose {@code
   * call} has a {@code mask} argument and is called on one tensor gets that tensor's mask as one
   * more inbound tensor (a call on a list or on several tensors gets it too, but through a copy of
   * its keyword arguments that the node does not record: layer.py 893-900 and 1052-1058); an {@code
   * Embedding(mask_zero=True)} makes its mask with {@code ops.not_equal(inputs, 0)} and {@code
   * Masking} with {@code ops.any(ops.not_equal(inputs, mask_value), axis=-1)}, rows of their own; a
   * layer that supports masking hands its input's mask on, any other drops it; a layer of several
   * inputs makes its output's mask from theirs ({@link MultiInput.OutputMask}), with rows of their
   * own for the operations.
   */
  private Node masked(Node node, List<Optional<Node>> nodes) {
    int self = node.context().position() - 1;
    long created = (long) OPS_PER_LAYER * self;
    Ops ops = new Ops(node, nodes, created);
    if (node.layer() instanceof InputLayer) {
      return node.withMask(null, created);
    }
    if (node.layer() instanceof MultiInput multi) {
      int count = callInputs[self];
      List<Tensor> inputs = node.inbound().subList(0, count);
      List<Tensor> masks = new ArrayList<>(count);
      for (Tensor t : inputs) {
        masks.add(maskOf(t, nodes));
      }
      return node.withMask(outputMask(multi.outputMask(), inputs, masks, node.outputs().get(0), ops), created);
    }
    // previous_mask: the mask of the first argument, whatever else the call takes
    Tensor in = node.inbound().get(0);
    Tensor inputMask = maskOf(in, nodes);
    Node result = node;
    if (inputMask != null && node.layer().takesMask() && node.inbound().size() == 1) {
      List<Tensor> inbound = new ArrayList<>(node.inbound());
      inbound.add(inputMask);
      result = new Node(node.declared(), node.layer(), node.context(), inbound, node.outputs(), null, created, false);
    }
    if (node.layer() instanceof EmbeddingLayer embedding && embedding.maskZero()) {
      return result.withMask(ops.add("NotEqual", List.of(in), ops.shape(in)), created);
    }
    if (node.layer() instanceof MaskingLayer) { // masking.py 57-58
      Tensor notEqual = ops.add("NotEqual", List.of(in), ops.shape(in));
      return result.withMask(ops.add("Any", List.of(notEqual), withoutLastAxis(ops.shape(in))), created);
    }
    return result.withMask(node.layer().keepsMask() ? inputMask : null, created);
  }

  /** The mask tensor {@code t} carries: its producer's, on the producer's first output only. */
  private static Tensor maskOf(Tensor t, List<Optional<Node>> nodes) {
    return t.index() == 0 ? nodes.get(t.producer()).orElseThrow().mask() : null;
  }

  /** The mask Keras sets on a multi-input layer's output, adding the operations it takes. */
  private static Tensor outputMask(
      MultiInput.OutputMask rule, List<Tensor> inputs, List<Tensor> masks, Shape output, Ops ops) {
    return switch (rule) { // no default: a new rule does not compile until it is handled here
      case NONE -> null;
      case QUERY -> masks.get(0);
      case CONVERTED_QUERY -> masks.get(0) == null ? null
          : ops.add("ConvertToTensor", List.of(masks.get(0)), ops.shape(masks.get(0)));
      case LOGICAL_OR -> logicalOr(masks, ops);
      case CONCATENATE -> concatenated(inputs, masks, output, ops);
    };
  }

  /** base_merge.py 255-277: none if an input has none, else their {@code logical_or}, in order. */
  private static Tensor logicalOr(List<Tensor> masks, Ops ops) {
    if (masks.contains(null)) {
      return null;
    }
    Tensor or = masks.get(0);
    for (Tensor m : masks.subList(1, masks.size())) {
      or = ops.add("LogicalOr", List.of(or, m), broadcast(ops.shape(or), ops.shape(m)));
    }
    return or;
  }

  /**
   * concatenate.py 122-158: none if no input has one; else each input's mask made full (ones for
   * an unmasked input, a lower-rank mask expanded and or-ed with zeros of the input), concatenated
   * like the inputs ({@code output}'s shape), and {@code any} over the last axis.
   */
  private static Tensor concatenated(List<Tensor> inputs, List<Tensor> masks, Shape output, Ops ops) {
    if (masks.stream().allMatch(m -> m == null)) {
      return null;
    }
    List<Tensor> full = new ArrayList<>(masks.size());
    for (int i = 0; i < masks.size(); i++) {
      Tensor input = inputs.get(i);
      Tensor mask = masks.get(i);
      if (mask == null) {
        full.add(ops.add("OnesLike", List.of(input), ops.shape(input)));
      } else if (ops.shape(mask).rank() < ops.shape(input).rank()) {
        Tensor expanded = ops.add("ExpandDims", List.of(mask), ops.shape(mask).append(1));
        Tensor zeros = ops.add("ZerosLike", List.of(input), ops.shape(input));
        full.add(ops.add("LogicalOr", List.of(expanded, zeros), broadcast(ops.shape(expanded), ops.shape(zeros))));
      } else {
        full.add(mask);
      }
    }
    Tensor concatenated = ops.add("Concatenate", full, output);
    return ops.add("Any", List.of(concatenated), withoutLastAxis(output));
  }

  /** Keras's {@code broadcast_shapes} (operation_utils.py 13-54) for shapes that broadcast. */
  private static Shape broadcast(Shape a, Shape b) {
    List<Long> x = new ArrayList<>(a.dims());
    List<Long> y = new ArrayList<>(b.dims());
    while (x.size() < y.size()) {
      x.add(0, 1L);
    }
    while (y.size() < x.size()) {
      y.add(0, 1L);
    }
    List<Long> out = new ArrayList<>(x.size());
    for (int i = 0; i < x.size(); i++) {
      long p = x.get(i);
      long q = y.get(i);
      out.add(p == 1 ? q : p == Shape.UNKNOWN ? (q == 1 ? Shape.UNKNOWN : q) : p);
    }
    return new Shape(out);
  }

  private static Shape withoutLastAxis(Shape s) {
    return new Shape(s.dims().subList(0, Math.max(0, s.rank() - 1)));
  }

  /** The operations Keras adds for one layer's mask, each a synthetic node created after the layer. */
  private static final class Ops {
    private final Node owner;
    private final List<Optional<Node>> nodes;
    private long created;

    Ops(Node owner, List<Optional<Node>> nodes, long created) {
      this.owner = owner;
      this.nodes = nodes;
      this.created = created;
    }

    Shape shape(Tensor t) {
      return nodes.get(t.producer()).orElseThrow().outputs().get(t.index());
    }

    Tensor add(String type, List<Tensor> inputs, Shape output) {
      Node op = new Node(owner.declared(), new OpLayer(type, List.of()), owner.context(), List.copyOf(inputs),
          List.of(output), null, ++created, true);
      nodes.add(Optional.of(op));
      return new Tensor(nodes.size() - 1, 0);
    }
  }

  /** Where a problem with a layer's inputs goes: its {@code @From}, or its annotation without one. */
  private Site fromSite(int i, Site layerSite) {
    Member member = model.members().get(layers.get(i).at().member());
    int from = Placement.indexOf(member, "From");
    return from < 0 ? layerSite : Site.annotation(layerSite.member(), from).at("value");
  }

  private boolean checkStates(int i, Declared d, Layer layer, Shape input, List<Shape> states) {
    Member member = model.members().get(d.at().member());
    int from = Placement.indexOf(member, "From");
    Site site = Site.annotation(d.at().member(), from).at("initialState");
    List<Shape> expected = layer.states(input);
    if (expected.isEmpty()) {
      problems.add(Problem.of(Message.NO_INITIAL_STATE, site, member.name(), d.ref()));
      return false;
    }
    String names = expected.size() == 1 ? "h" : expected.size() == 2
        ? (layer.core() instanceof dev.paramcheck.model.layer.LstmLayer ? "h and c" : "forward h, backward h")
        : expected.size() == 4 ? "forward h and c, backward h and c" : expected.size() + " states";
    if (states.size() != expected.size()) {
      problems.add(Problem.of(Message.INITIAL_STATE_COUNT, site, member.name(), states.size(), d.ref(), expected.size(), names));
      return false;
    }
    boolean ok = true;
    List<String> written = member.annotations().get(from).attributes().strings("initialState");
    for (int k = 0; k < states.size(); k++) {
      if (!states.get(k).equals(expected.get(k))) {
        long units = expected.get(k).features();
        problems.add(Problem.of(Message.INITIAL_STATE_SHAPE, site.at("initialState[" + k + "]"),
            written.get(k), member.name(), states.get(k), d.ref(), expected.get(k), names, units, states.get(k).features()));
        return false; // the first state at fault says it; the others are usually the same mistake
      }
    }
    return ok;
  }

  /** A warning when an Embedding after a TextVectorization has fewer rows than its vocabulary. */
  private void vocabulary(Declared d, Layer layer, List<Tensor> tensors, List<Optional<Node>> nodes) {
    if (layer instanceof EmbeddingLayer embedding && !tensors.isEmpty()) {
      Node producer = nodes.get(tensors.get(0).producer()).orElseThrow();
      if (producer.layer() instanceof TextVectorizationLayer text) {
        vocabulary(d, embedding, text, producer.context().ref()).ifPresent(problems::add);
      }
    }
  }

  /** The warning for {@code embedding} after {@code text}, when its {@code inputDim} is below {@code maxTokens}. */
  static Optional<Problem> vocabulary(Declared d, EmbeddingLayer embedding, TextVectorizationLayer text, String textRef) {
    if (embedding.inputDim() >= text.maxTokens()) {
      return Optional.empty();
    }
    return Optional.of(Problem.of(Message.VOCABULARY_TOO_SMALL,
        Site.annotation(d.at().member(), d.at().annotation()).at("inputDim"), embedding.inputDim(), d.ref(),
        text.maxTokens(), textRef, text.maxTokens() - 1, text.maxTokens()));
  }

  /** Every {@code @Input} must be taken by a layer. */
  private void checkInputsUsed() {
    boolean[] used = new boolean[layers.size()];
    for (List<Tensor> in : inbound) {
      if (in != null) {
        in.forEach(t -> used[t.producer()] = true);
      }
    }
    for (int i = 0; i < layers.size(); i++) {
      Declared d = layers.get(i);
      if (!used[i] && d.written().annotation().equals("Input")) {
        problems.add(Problem.of(Message.INPUT_UNUSED, Site.annotation(d.at().member(), d.at().annotation()),
            model.members().get(d.at().member()).name()));
      }
    }
  }
}
