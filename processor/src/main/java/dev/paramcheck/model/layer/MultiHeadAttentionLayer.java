package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keras {@code MultiHeadAttention} (keras/src/layers/attention/multi_head_attention.py, Keras
 * 3.15.1): called on {@code query, value[, key]}. Its constructor refuses a non-positive {@code
 * num_heads}, {@code key_dim} or {@code value_dim} (lines 137-153); {@code build} (266-360) refuses
 * a key whose axes other than the last differ from the value's (281-286) and creates four {@code
 * EinsumDense} projections: {@code query} and {@code key} to {@code (H, K)}, {@code value} to
 * {@code (H, V)}, {@code attention_output} from {@code (H, V)} to the output width (the query's
 * last axis, or {@code output_shape}, 400-420); each has a bias over its output axes when {@code
 * use_bias}. The output is the query's shape with {@code output_shape} in place of its last axis
 * (827-849). The layer hands the query's mask on (697-698).
 */
public record MultiHeadAttentionLayer(
    int numHeads, int keyDim, int valueDim, boolean useBias, List<Integer> outputShape, double dropout,
    boolean trainable) implements MultiInput {
  public MultiHeadAttentionLayer {
    outputShape = List.copyOf(outputShape);
  }

  static MultiHeadAttentionLayer from(Attributes a) {
    return new MultiHeadAttentionLayer(a.integer("numHeads"), a.integer("keyDim"), a.integer("valueDim"),
        a.flag("useBias"), a.ints("outputShape"), a.real("dropout"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "MultiHeadAttention";
  }

  @Override
  public String defaultName() {
    return "multi_head_attention";
  }

  @Override
  public String annotation() {
    return "MultiHeadAttention";
  }

  @Override
  public String arity() {
    return "two or three inputs (query, value and an optional key)";
  }

  @Override
  public boolean accepts(int count) {
    return count == 2 || count == 3;
  }

  /** The value's head size: {@code valueDim}, or {@code keyDim} when left out. */
  public long headValue() {
    return valueDim == -1 ? keyDim : valueDim;
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    Checks checks = new Checks(context).positive("numHeads", numHeads).positive("keyDim", keyDim, " (the size of each head)");
    if (valueDim != -1 && valueDim < 1) {
      checks.positive("valueDim", valueDim, " (the size of each value head; leave it out for keyDim)");
    }
    for (int d : outputShape) {
      if (d < 1) {
        checks.add(Refusal.of(Message.INVALID_VALUE, "outputShape", "outputShape", outputShape, context.ref(),
            "every size in outputShape", " (leave it empty for the query's last axis)"));
        break;
      }
    }
    if (!(dropout >= 0 && dropout <= 1)) {
      checks.add(Refusal.of(Message.ATTENTION_DROPOUT, "dropout", dropout, context.ref()));
    }
    return checks.result();
  }

  @Override
  public Step output(List<Shape> inputs, Context context) {
    Step wrong = Attentions.check(inputs, context);
    if (wrong != null) {
      return wrong;
    }
    Shape query = inputs.get(0);
    Shape value = inputs.get(1);
    Shape key = Attentions.key(inputs);
    if (!value.dims().subList(0, value.rank() - 1).equals(key.dims().subList(0, key.rank() - 1))) {
      return Step.refuse(Message.ATTENTION_KEY_VALUE, "from", context.ref(), value, key);
    }
    if (outputShape.isEmpty()) {
      return Step.of(query);
    }
    List<Long> out = new ArrayList<>(query.dims().subList(0, query.rank() - 1));
    outputShape.forEach(d -> out.add((long) d));
    return Step.of(new Shape(out));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return weights(List.of(input, input));
  }

  /** The weights in Keras's order: query, key, value, attention_output; kernel then bias. */
  @Override
  public List<Weight> weights(List<Shape> inputs) {
    long dq = inputs.get(0).features();
    long dv = inputs.get(1).features();
    long dk = Attentions.key(inputs).features();
    long h = numHeads;
    long v = headValue();
    long[] out = outputWidth(dq);
    long[] outputKernel = new long[2 + out.length];
    outputKernel[0] = h;
    outputKernel[1] = v;
    System.arraycopy(out, 0, outputKernel, 2, out.length);
    return List.of(
        Weight.of("QUERY_KERNEL", trainable, dq, h, keyDim),
        Weight.optional("QUERY_BIAS", useBias, trainable, h, keyDim),
        Weight.of("KEY_KERNEL", trainable, dk, h, keyDim),
        Weight.optional("KEY_BIAS", useBias, trainable, h, keyDim),
        Weight.of("VALUE_KERNEL", trainable, dv, h, v),
        Weight.optional("VALUE_BIAS", useBias, trainable, h, v),
        Weight.of("ATTENTION_OUTPUT_KERNEL", trainable, outputKernel),
        Weight.optional("ATTENTION_OUTPUT_BIAS", useBias, trainable, out));
  }

  private long[] outputWidth(long queryWidth) {
    return outputShape.isEmpty()
        ? new long[] {queryWidth}
        : outputShape.stream().mapToLong(Integer::longValue).toArray();
  }

  /**
   * The projections at every position they apply to (query and output at the query's, key and
   * value at the key's), then the two attention products per head: {@code Tq * Tv * H * (K + V)}.
   */
  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    Shape query = inputs.get(0);
    Shape key = Attentions.key(inputs);
    OptionalLong tq = Attentions.positions(query);
    OptionalLong tv = Attentions.positions(key);
    if (tq.isEmpty() || tv.isEmpty()) {
      return OptionalLong.empty();
    }
    List<Weight> w = weights(inputs);
    long atQuery = w.get(0).count() + w.get(1).count() + w.get(6).count() + w.get(7).count();
    long atKey = w.get(2).count() + w.get(3).count() + w.get(4).count() + w.get(5).count();
    long products = Attentions.products(query, key, (long) numHeads * keyDim, (long) numHeads * headValue()).getAsLong();
    return OptionalLong.of(Math.addExact(Math.addExact(Math.multiplyExact(atQuery, tq.getAsLong()),
        Math.multiplyExact(atKey, tv.getAsLong())), products));
  }

  /**
   * {@code torch.nn.MultiheadAttention(E, numHeads, bias, kdim, vdim)} with {@code E} the query's
   * width (torch/nn/modules/activation.py, torch 2.13, 1186-1226): {@code in_proj_weight (3E, E)}
   * when key and value are {@code E} wide, else {@code q_proj_weight (E, E)}, {@code k_proj_weight
   * (E, kdim)}, {@code v_proj_weight (E, vdim)}; then {@code in_proj_bias (3E)}, {@code
   * out_proj.weight (E, E)}, {@code out_proj.bias (E)}. torch's heads split {@code E}: Keras's
   * {@code numHeads * keyDim} must be the query's width, the value heads as wide as the key heads,
   * the output {@code E} wide.
   */
  @Override
  public Torch torch(List<Shape> inputs, Context context) {
    long e = inputs.get(0).features();
    long kdim = Attentions.key(inputs).features();
    long vdim = inputs.get(1).features();
    String fix = null;
    String what = null;
    String attribute = null;
    if ((long) numHeads * keyDim != e) {
      attribute = "keyDim";
      what = "numHeads * keyDim = " + ((long) numHeads * keyDim) + " on a query of width " + e;
      fix = e % numHeads == 0 ? "set keyDim = " + e / numHeads : "use a numHeads that divides " + e + " and keyDim = "
          + e + " / numHeads";
    } else if (headValue() != keyDim) {
      attribute = "valueDim";
      what = "valueDim = " + valueDim + " with keyDim = " + keyDim;
      fix = "leave valueDim out (torch's value heads are as wide as its key heads)";
    } else if (!outputShape.isEmpty() && !outputShape.equals(List.of((int) e))) {
      attribute = "outputShape";
      what = "outputShape = " + outputShape;
      fix = "leave outputShape out (torch's output is as wide as the query)";
    }
    if (what != null) {
      return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, attribute, context.ref(), what,
          "torch.nn.MultiheadAttention projects to the query's width, split among its heads", fix));
    }
    List<Weight> w = new ArrayList<>(6);
    if (kdim == e && vdim == e) {
      w.add(Weight.of("IN_PROJ_WEIGHT", trainable, 3 * e, e));
    } else {
      w.add(Weight.of("Q_PROJ_WEIGHT", trainable, e, e));
      w.add(Weight.of("K_PROJ_WEIGHT", trainable, e, kdim));
      w.add(Weight.of("V_PROJ_WEIGHT", trainable, e, vdim));
    }
    w.add(Weight.optional("IN_PROJ_BIAS", useBias, trainable, 3 * e));
    w.add(Weight.of("OUT_PROJ_WEIGHT", trainable, e, e));
    w.add(Weight.optional("OUT_PROJ_BIAS", useBias, trainable, e));
    return new Torch.Module("MultiheadAttention", w);
  }

  @Override
  public OutputMask outputMask() {
    return OutputMask.QUERY;
  }

  @Override
  public String sizes(Shape input) {
    return "numHeads = " + numHeads + ", keyDim = " + keyDim + " on " + input.features() + " query features";
  }
}
