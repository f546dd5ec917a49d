package dev.paramcheck.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A functional model's table rows in Keras 3's order, with their "Connected to" cells, and whether
 * Keras prints it in the three-column layout of a chain.
 *
 * <p>Keras's order ({@code keras/src/ops/function.py}, {@code map_graph} and {@code _build_map}):
 * a depth-first walk from each output, in output order, numbers each operation when first reached
 * and lists nodes after their inputs; an operation's depth is its longest path to an output; rows
 * are sorted by depth, deepest first, then by that number. Keras prints a chain ({@code
 * summary_utils.print_summary}: every depth one node with at most one input tensor) in three
 * columns, anything else with "Connected to".
 *
 * @param rows the rows, inputs included
 * @param chain whether the three-column layout applies
 * @param outputs the model's output tensors' shapes, as {@code keras.Model(inputs, outputs)} takes
 *     them: every tensor of each field whose tensors no other field takes, in declaration order
 *     (what a {@code @Block} of this model returns)
 */
public record Functional(List<Row> rows, boolean chain, List<Shape> outputs) {
  /**
   * One row.
   *
   * @param field the field that declares it
   * @param name Keras's name for it: the field's, or Keras's automatic name for an operation
   * @param type its class, such as {@code InputLayer}, {@code LSTM}, {@code GetItem}
   * @param output its output shape as Keras prints it ({@code [(None, 8), (None, 8)]} for several)
   * @param inbound the tensors it is called on, as Keras names them: {@code lstm[0][1]}
   */
  public record Row(String field, String name, String type, String output, long params, List<String> inbound) {
    public Row {
      inbound = List.copyOf(inbound);
    }

    /** The "Connected to" cell: {@code lstm[0][1], dense[0][0]}, or {@code -} for an input. */
    public String connectedTo() {
      return inbound.isEmpty() ? "-" : String.join(", ", inbound);
    }
  }

  public Functional {
    rows = List.copyOf(rows);
    outputs = List.copyOf(outputs);
  }

  /** The rows of a walked graph; {@code params} gives each layer's count by field name. */
  static Functional of(List<Optional<Graph.Node>> graph, Map<String, Long> params) {
    List<Graph.Node> nodes = graph.stream().map(Optional::orElseThrow).toList();
    int n = nodes.size();
    String[] names = kerasNames(nodes);
    boolean[] consumed = new boolean[n];
    for (Graph.Node node : nodes) {
      node.inbound().forEach(t -> consumed[t.producer()] = true);
    }
    // _build_map: pre-order numbering, post-order list, from each output in declaration order
    int[] index = new int[n];
    java.util.Arrays.fill(index, -1);
    boolean[] finished = new boolean[n];
    List<Integer> postOrder = new ArrayList<>(n);
    int next = 0;
    for (int out = 0; out < n; out++) {
      if (consumed[out] || nodes.get(out).synthetic()) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>(); // {node, next inbound to visit}
      if (!finished[out]) {
        stack.push(new int[] {out, 0});
      }
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        int op = top[0];
        if (index[op] < 0) {
          index[op] = next++;
        }
        List<Graph.Tensor> in = nodes.get(op).inbound();
        if (top[1] < in.size()) {
          int p = in.get(top[1]++).producer();
          if (!finished[p]) {
            stack.push(new int[] {p, 0});
          }
        } else {
          stack.pop();
          if (!finished[op]) {
            finished[op] = true;
            postOrder.add(op);
          }
        }
      }
    }
    int[] depth = new int[n];
    for (int k = postOrder.size() - 1; k >= 0; k--) {
      int op = postOrder.get(k);
      for (Graph.Tensor t : nodes.get(op).inbound()) {
        depth[t.producer()] = Math.max(depth[t.producer()], depth[op] + 1);
      }
    }
    List<Integer> order = new ArrayList<>(postOrder); // only what the outputs reach, as in Keras
    order.sort(Comparator.<Integer>comparingInt(op -> -depth[op]).thenComparingInt(op -> index[op]));
    Map<Integer, Integer> perDepth = new HashMap<>();
    boolean chain = true;
    for (int op : order) {
      chain &= perDepth.merge(depth[op], 1, Integer::sum) == 1 && nodes.get(op).inbound().size() <= 1;
    }
    List<Row> rows = new ArrayList<>(n);
    for (int op : order) {
      Graph.Node node = nodes.get(op);
      List<Shape> outputs = node.outputs();
      String output = outputs.size() == 1
          ? outputs.get(0).toString()
          : outputs.stream().map(Shape::toString).collect(Collectors.joining(", ", "[", "]"));
      List<String> inbound = node.inbound().stream()
          .map(t -> names[t.producer()] + "[0][" + t.index() + "]")
          .toList();
      rows.add(new Row(node.declared().name(), names[op], node.layer().kerasClass(), output,
          node.synthetic() ? 0 : params.getOrDefault(node.declared().name(), 0L), inbound));
    }
    return new Functional(rows, chain, outputs(nodes));
  }

  /**
   * A walked graph's outputs, as {@code keras.Model(inputs, outputs)} takes them: every tensor of
   * each layer none of whose tensors another layer takes, in declaration order.
   */
  static List<Shape> outputs(List<Graph.Node> nodes) {
    boolean[] consumed = new boolean[nodes.size()];
    for (Graph.Node node : nodes) {
      node.inbound().forEach(t -> consumed[t.producer()] = true);
    }
    List<Shape> outputs = new ArrayList<>(1);
    for (int i = 0; i < nodes.size(); i++) {
      if (!consumed[i] && !nodes.get(i).synthetic()) {
        outputs.addAll(nodes.get(i).outputs());
      }
    }
    return outputs;
  }

  /** Field names, except operations, which Keras names {@code get_item}, {@code get_item_1}, ... in call order. */
  private static String[] kerasNames(List<Graph.Node> nodes) {
    String[] names = new String[nodes.size()];
    Map<String, Integer> counters = new HashMap<>();
    List<Integer> creation = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      creation.add(i);
    }
    creation.sort(Comparator.comparingLong(i -> nodes.get(i).created()));
    for (int i : creation) {
      Graph.Node node = nodes.get(i);
      if (node.layer() instanceof dev.paramcheck.model.layer.OpLayer op && (node.synthetic()
          || node.declared().written().annotation().equals("Op"))) {
        String prefix = op.defaultName();
        int count = counters.merge(prefix, 1, Integer::sum) - 1;
        names[i] = count == 0 ? prefix : prefix + "_" + count;
      } else {
        names[i] = node.declared().name();
      }
    }
    return names;
  }
}
