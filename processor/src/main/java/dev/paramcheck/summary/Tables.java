package dev.paramcheck.summary;

import dev.paramcheck.model.Functional;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import dev.paramcheck.model.layer.BlockLayer;
import dev.paramcheck.model.layer.TransformerDecoderLayer;
import dev.paramcheck.model.layer.TransformerEncoderLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** The table a summary's {@code table()} returns: Keras's {@code model.summary()}, or torchinfo's. */
public final class Tables {
  /** torch 1.13's {@code sys.getsizeof} of a tensor's storage beyond its data (docs/torchinfo-format.md). */
  static final long STORAGE_OVERHEAD = 56;

  private Tables() {}

  /**
   * The table in the model's convention; {@code width} is Keras's line length, or 0 for Keras's
   * default in a terminal (88, or 108 for a functional model's four columns).
   */
  public static String render(ModelSummary summary, int width) {
    return switch (summary.convention()) {
      case KERAS -> summary.functional().isPresent()
          ? FunctionalTable.render(summary, width)
          : SummaryTable.render(summary, width == 0 ? SummaryTable.DEFAULT_WIDTH : width);
      case PYTORCH -> torchinfo(summary);
    };
  }

  /**
   * torchinfo's {@code summary(model, input_size=(1, ...))} of the {@code torch.nn} modules, with
   * the output shapes, mult-adds and sizes when the input's length is known (batch 1), and its
   * no-input layout otherwise. A {@code @Block} is a module whose rows are its own layers', one
   * level deeper; an {@code nn.TransformerEncoderLayer} shows the submodules its {@code forward}
   * calls. The footer follows torchinfo's {@code ModelStatistics}: mult-adds, forward/backward and
   * params size count leaf modules only ({@code docs/torchinfo-format.md}, "Nested modules").
   */
  static String torchinfo(ModelSummary summary) {
    List<Node> modules = new ArrayList<>(summary.layers().size());
    List<Node> registered = new ArrayList<>(summary.layers().size());
    for (LayerSummary layer : summary.layers()) {
      add(modules, layer, 1, true, true);
      add(registered, layer, 1, true, false);
    }
    List<LayerSummary> layers = summary.layers();
    List<Long> output = layers.isEmpty() ? null : torchShape(layers.get(layers.size() - 1).output());
    // the sizes need every size known: the input's and each module's output
    boolean concrete = summary.macs().isPresent() && !layers.isEmpty()
        && inputs(summary).stream().allMatch(OptionalLong::isPresent) && output != null
        && modules.stream().allMatch(m -> m.row().outputShape() != null);
    Optional<TorchinfoTable.Sizes> sizes = Optional.empty();
    if (concrete) {
      try {
        sizes = Optional.of(sizes(summary, modules));
      } catch (ArithmeticException tooLarge) {
        sizes = Optional.empty();
      }
    }
    // with an input, the modules forward() calls, in call order; without, every module, as registered
    List<TorchinfoTable.Row> rows = new ArrayList<>(modules.size());
    for (Node m : sizes.isPresent() ? modules : registered) {
      rows.add(sizes.isPresent() ? m.row() : m.row().withShape(null));
    }
    return TorchinfoTable.render(
        summary.name(), sizes.isPresent() ? output : null, rows, summary.totalParams(), summary.trainableParams(),
        sizes);
  }

  /**
   * One torchinfo row with what its footer needs: the parameters as {@code named_parameters()}
   * names them inside the module (lower case), and the bytes of one output or parameter element.
   */
  private record Node(TorchinfoTable.Row row, List<Weight> parameters, long elementBytes) {}

  /**
   * The rows of {@code layer} at {@code depth}; {@code trains} false inside a frozen block, whose
   * layers' own summaries do not know they are frozen. {@code called}: the modules a forward pass
   * calls, in call order (torchinfo's forward hooks); otherwise every submodule in registration
   * order ({@code summary(model)} walks {@code module._modules} without running the model).
   */
  private static void add(List<Node> out, LayerSummary layer, int depth, boolean trains, boolean called) {
    if (layer.type().isEmpty()) {
      return; // a merge, reshape or function: no torch.nn module
    }
    long bytes = layer.dtype().bits() / 8;
    boolean trainable = trains && layer.trainable() > 0;
    List<Long> shape = torchShape(layer.output());
    if (layer.layer() instanceof BlockLayer block && block.resolved() != null) {
      int at = out.size();
      out.add(null);
      for (LayerSummary inner : block.resolved().layers()) {
        add(out, inner, depth + 1, trains && block.trainable(), called);
      }
      out.set(at, new Node(new TorchinfoTable.Row(depth, layer.type(), shape, layer.params(), trainable,
          out.size() == at + 1), List.of(), bytes));
      return;
    }
    switch (layer.type()) {
      case "TransformerEncoderLayer", "TransformerDecoderLayer" -> transformer(out, layer, depth, trainable, called, bytes);
      case "MultiheadAttention" -> attention(out, depth, shape, layer, "", trainable, called, bytes);
      default -> out.add(new Node(new TorchinfoTable.Row(depth, layer.type(), leafShape(layer), layer.params(),
          trainable, true), lower(layer.weights(), ""), bytes));
    }
  }

  /** An RNN module returns {@code (output, h_n)}: torchinfo shows the whole sequence, batch first. */
  private static List<Long> leafShape(LayerSummary layer) {
    boolean recurrent = switch (layer.type()) {
      case "LSTM", "GRU", "RNN" -> true;
      default -> false;
    };
    Shape out = layer.output();
    if (!recurrent || layer.input().rank() != 2 || out.rank() < 1) {
      return torchShape(out);
    }
    return torchShape(Shape.of(layer.input().dim(0), out.dim(out.rank() - 1)));
  }

  /**
   * {@code nn.MultiheadAttention}: its {@code out_proj} ({@code NonDynamicallyQuantizableLinear})
   * is a submodule that {@code forward} never calls (it passes {@code out_proj.weight} to {@code
   * F.multi_head_attention_forward}), so it has a row only without an input; either way the
   * attention is no leaf.
   */
  private static void attention(List<Node> out, int depth, List<Long> shape, LayerSummary layer, String prefix,
      boolean trainable, boolean called, long bytes) {
    out.add(child(depth, "MultiheadAttention", shape, layer, prefix, trainable, false, bytes));
    if (!called) {
      out.add(child(depth + 1, "NonDynamicallyQuantizableLinear", shape, layer, prefix + "OUT_PROJ_", trainable,
          true, bytes));
    }
  }

  /**
   * {@code nn.TransformerEncoderLayer} and {@code nn.TransformerDecoderLayer} (torch 2.13,
   * transformer.py l.757-774 and l.1042-1068), registered as {@code self_attn}, ({@code
   * multihead_attn},) {@code linear1}, {@code dropout}, {@code linear2}, {@code norm1}, {@code
   * norm2}, ({@code norm3},) {@code dropout1}, {@code dropout2} (, {@code dropout3}). Their {@code
   * forward} (the encoder's fast path is never taken under torchinfo's hooks, l.866-872) calls the
   * self-attention block ({@code self_attn}, {@code dropout1}), the decoder's cross-attention block
   * ({@code multihead_attn}, {@code dropout2}) and the feed-forward block ({@code linear1}, {@code
   * dropout}, {@code linear2}, and {@code dropout2} or the decoder's {@code dropout3}), each
   * followed by its norm, or with {@code norm_first} preceded by it (l.943-952, l.1125-1146). The
   * parameters are the layer's, named {@code SELF_ATTN_...}, {@code LINEAR1_...}, {@code NORM1_...}.
   */
  private static void transformer(
      List<Node> out, LayerSummary layer, int depth, boolean trainable, boolean called, long bytes) {
    boolean decoder = layer.type().equals("TransformerDecoderLayer");
    List<Long> shape = torchShape(layer.output());
    out.add(new Node(new TorchinfoTable.Row(depth, layer.type(), shape, layer.params(), trainable, false),
        List.of(), bytes));
    List<Long> inner = shape;
    for (Weight w : layer.weights()) {
      if (w.key().equals("LINEAR1_WEIGHT") && shape != null) {
        inner = new ArrayList<>(shape);
        inner.set(inner.size() - 1, w.shape().get(0));
      }
    }
    int d = depth + 1;
    List<Node> selfAttention = new ArrayList<>(2);
    attention(selfAttention, d, shape, layer, "SELF_ATTN_", trainable, called, bytes);
    List<Node> crossAttention = new ArrayList<>(2);
    if (decoder) {
      attention(crossAttention, d, shape, layer, "MULTIHEAD_ATTN_", trainable, called, bytes);
    }
    Node linear1 = child(d, "Linear", inner, layer, "LINEAR1_", trainable, true, bytes);
    Node dropout = child(d, "Dropout", inner, layer, "DROPOUT_", trainable, true, bytes);
    Node linear2 = child(d, "Linear", shape, layer, "LINEAR2_", trainable, true, bytes);
    List<Node> norms = new ArrayList<>(3);
    List<Node> dropouts = new ArrayList<>(3);
    for (int i = 1; i <= (decoder ? 3 : 2); i++) {
      norms.add(child(d, "LayerNorm", shape, layer, "NORM" + i + "_", trainable, true, bytes));
      dropouts.add(child(d, "Dropout", shape, layer, "DROPOUT" + i + "_", trainable, true, bytes));
    }
    if (!called) {
      out.addAll(selfAttention);
      out.addAll(crossAttention);
      out.addAll(List.of(linear1, dropout, linear2));
      out.addAll(norms);
      out.addAll(dropouts);
      return;
    }
    // the blocks in call order, each with its norm
    List<List<Node>> blocks = new ArrayList<>(3);
    List<Node> first = new ArrayList<>(selfAttention);
    first.add(dropouts.get(0));
    blocks.add(first);
    if (decoder) {
      List<Node> cross = new ArrayList<>(crossAttention);
      cross.add(dropouts.get(1));
      blocks.add(cross);
    }
    blocks.add(List.of(linear1, dropout, linear2, dropouts.get(dropouts.size() - 1)));
    boolean normFirst = layer.layer() instanceof TransformerEncoderLayer enc ? enc.normalizeFirst()
        : layer.layer() instanceof TransformerDecoderLayer dec && dec.normalizeFirst();
    for (int i = 0; i < blocks.size(); i++) {
      if (normFirst) {
        out.add(norms.get(i));
      }
      out.addAll(blocks.get(i));
      if (!normFirst) {
        out.add(norms.get(i));
      }
    }
  }

  /** The submodule of {@code layer} whose parameters are named {@code prefix...}. */
  private static Node child(int depth, String module, List<Long> shape, LayerSummary layer, String prefix,
      boolean trainable, boolean leaf, long bytes) {
    List<Weight> parameters = lower(layer.weights(), prefix);
    long params = 0;
    for (Weight w : parameters) {
      params = Math.addExact(params, w.count());
    }
    return new Node(new TorchinfoTable.Row(depth, module, shape, params, trainable, leaf), parameters, bytes);
  }

  /** The weights named {@code prefix...}, renamed as the submodule names them: {@code weight_ih_l0}. */
  private static List<Weight> lower(List<Weight> weights, String prefix) {
    List<Weight> out = new ArrayList<>(weights.size());
    for (Weight w : weights) {
      if (w.key().startsWith(prefix)) {
        out.add(w.renamed(w.key().substring(prefix.length()).toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  /**
   * torchinfo's footer sums ({@code ModelStatistics.__init__}): over leaf modules only, mult-adds
   * by {@code calculate_macs}, the outputs of those with parameters twice (for the gradients) and
   * their parameters' bytes; the input's storage with its object overhead.
   */
  private static TorchinfoTable.Sizes sizes(ModelSummary summary, List<Node> modules) {
    Node firstModule = modules.stream().filter(m -> m.row().leaf()).findFirst().orElse(null);
    boolean tokens = firstModule != null && firstModule.row().module().equals("Embedding");
    long inputBytes = 0;
    List<OptionalLong> inputs = inputs(summary);
    long precision = summary.layers().get(0).dtype().bits() / 8;
    for (int i = 0; i < inputs.size(); i++) {
      // token ids are int64; any other input holds values at the first layer's precision; each
      // tensor's storage object adds its overhead (get_total_memory_used sums over the tensors)
      long element = i == 0 && tokens ? 8 : precision;
      inputBytes = Math.addExact(inputBytes,
          Math.addExact(Math.multiplyExact(inputs.get(i).getAsLong(), element), STORAGE_OVERHEAD));
    }
    long multAdds = 0;
    long forwardBackward = 0;
    long paramsBytes = 0;
    for (Node m : modules) {
      TorchinfoTable.Row row = m.row();
      if (!row.leaf()) {
        continue;
      }
      multAdds = Math.addExact(multAdds, macs(row, m.parameters()));
      if (row.params() > 0) { // x2 for gradients
        long output = Math.multiplyExact(product(row.outputShape(), 0), m.elementBytes());
        forwardBackward = Math.addExact(forwardBackward, Math.multiplyExact(2, output));
      }
      paramsBytes = Math.addExact(paramsBytes, Math.multiplyExact(row.params(), m.elementBytes()));
    }
    return new TorchinfoTable.Sizes(multAdds, inputBytes, forwardBackward, paramsBytes);
  }

  /**
   * The elements of each of the model's input tensors (batch 1), empty when a size is unknown: a
   * functional model's {@code InputLayer} rows (their Keras output, {@code (None, 27, 40)}), else
   * the first layer's input.
   */
  private static List<OptionalLong> inputs(ModelSummary summary) {
    List<OptionalLong> inputs = new ArrayList<>(2);
    for (Functional.Row row : summary.functional().map(Functional::rows).orElse(List.of())) {
      if (row.type().equals("InputLayer")) {
        inputs.add(elements(row.output()));
      }
    }
    if (inputs.isEmpty()) {
      inputs.add(summary.layers().get(0).input().elements());
    }
    return inputs;
  }

  /** The elements of a shape Keras prints as {@code (None, 27, 40)}; empty for another size unknown. */
  private static OptionalLong elements(String keras) {
    String[] dims = keras.replace("(", "").replace(")", "").split(",");
    long n = 1;
    for (int i = 1; i < dims.length; i++) {
      String d = dims[i].trim();
      if (d.isEmpty()) {
        continue;
      }
      if (!d.chars().allMatch(Character::isDigit)) {
        return OptionalLong.empty();
      }
      try {
        n = Math.multiplyExact(n, Long.parseLong(d));
      } catch (ArithmeticException | NumberFormatException tooLarge) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(n);
  }

  /**
   * {@code LayerInfo.calculate_macs}: a parameter named {@code weight} or {@code bias} costs its
   * count times {@code out[0]} (times {@code prod(out[2:])} in a class named {@code Conv...}); any
   * other name holding {@code weight} or {@code bias} (an RNN's {@code weight_ih_l0}) its count
   * times {@code out[0] * out[1]}.
   */
  private static long macs(TorchinfoTable.Row row, List<Weight> parameters) {
    List<Long> out = row.outputShape();
    long macs = 0;
    for (Weight w : parameters) {
      String name = w.key();
      long positions;
      if (name.equals("weight") || name.equals("bias")) {
        positions = row.module().contains("Conv") ? Math.multiplyExact(out.get(0), product(out, 2)) : out.get(0);
      } else if (name.contains("weight") || name.contains("bias")) {
        positions = Math.multiplyExact(out.get(0), out.size() > 1 ? out.get(1) : 1);
      } else {
        continue;
      }
      macs = Math.addExact(macs, Math.multiplyExact(w.count(), positions));
    }
    return macs;
  }

  private static long product(List<Long> dims, int from) {
    long p = 1;
    for (int i = from; i < dims.size(); i++) {
      p = Math.multiplyExact(p, dims.get(i));
    }
    return p;
  }

  /** {@code [1, T, F]}, {@code [1, F]} or any other rank with batch 1; null when a size is unknown. */
  private static List<Long> torchShape(Shape shape) {
    if (shape.elements().isEmpty()) {
      return null;
    }
    List<Long> dims = new ArrayList<>(shape.rank() + 1);
    dims.add(1L);
    dims.addAll(shape.dims());
    return dims;
  }

  private static long elements(Shape shape) {
    return shape.elements().orElseThrow();
  }
}
