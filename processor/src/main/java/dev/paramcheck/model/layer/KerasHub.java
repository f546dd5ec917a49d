package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What keras_hub's Transformer layers share: their sublayers' weights, named as keras_hub names them. */
final class KerasHub {
  private KerasHub() {}

  /** keras_hub's head size: {@code int(hidden_dim // num_heads)} (transformer_encoder.py 121). */
  static long headDim(long width, int numHeads) {
    return width / numHeads;
  }

  /**
   * keras_hub's "Attention `key_dim` computed cannot be zero" (transformer_encoder.py 122-127;
   * transformer_decoder.py says {@code head_dim}), or null when the width has a head per head.
   */
  static Step heads(Shape input, int numHeads, String name, Context context) {
    if (headDim(input.features(), numHeads) == 0) {
      return Step.refuse(Message.HUB_HEAD_DIM, "numHeads", context.ref(), name, input.features(), numHeads, input,
          input.features());
    }
    return null;
  }

  /** A MultiHeadAttention sublayer's weights, each key prefixed: {@code SELF_ATTENTION_QUERY_KERNEL}. */
  static List<Weight> attention(String prefix, Shape query, Shape value, int numHeads, boolean trainable) {
    MultiHeadAttentionLayer mha = mha(query, numHeads, trainable);
    return prefixed(prefix, mha.weights(List.of(query, value)));
  }

  static MultiHeadAttentionLayer mha(Shape query, int numHeads, boolean trainable) {
    int k = (int) headDim(query.features(), numHeads);
    return new MultiHeadAttentionLayer(numHeads, k, k, true, List.of(), 0, trainable);
  }

  /** A LayerNormalization sublayer's {@code gamma} and {@code beta}. */
  static List<Weight> norm(String prefix, long width, boolean trainable) {
    return List.of(Weight.of(prefix + "_GAMMA", trainable, width), Weight.of(prefix + "_BETA", trainable, width));
  }

  /** A Dense sublayer's {@code kernel} and {@code bias}. */
  static List<Weight> dense(String prefix, long in, long units, boolean trainable) {
    return List.of(Weight.of(prefix + "_KERNEL", trainable, in, units), Weight.of(prefix + "_BIAS", trainable, units));
  }

  static List<Weight> prefixed(String prefix, List<Weight> weights) {
    List<Weight> out = new ArrayList<>(weights.size());
    weights.forEach(w -> out.add(w.renamed(prefix + "_" + w.key())));
    return out;
  }

  /** The sum of the weights' sizes. */
  static long count(List<Weight> weights) {
    long sum = 0;
    for (Weight w : weights) {
      sum = Math.addExact(sum, w.count());
    }
    return sum;
  }

  /** Dense weights applied at every position: their size times the positions. */
  static OptionalLong at(List<Weight> weights, Shape input) {
    OptionalLong positions = Attentions.positions(input);
    return positions.isPresent()
        ? OptionalLong.of(Math.multiplyExact(count(weights), positions.getAsLong()))
        : OptionalLong.empty();
  }

  /**
   * keras_hub's layers are no {@code torch.nn} module: {@code nn.TransformerEncoderLayer} is close but
   * not the same layer (its attention always projects to the model width, its feed-forward network
   * defaults to 2048), and torch has no position embedding layer.
   */
  static Torch notInTorch(String name, Context context) {
    boolean transformer = name.startsWith("Transformer");
    return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, null, context.ref(), "keras_hub's " + name,
        transformer ? "torch.nn." + name + "Layer is a different layer" : "torch.nn has no such module",
        transformer ? "write the block's layers (@MultiHeadAttention, @LayerNormalization, @Dense) in a @Block"
            : "use @Embedding layers"));
  }

  /** {@code nn.MultiheadAttention(D, H)}'s parameters as a submodule's: {@code SELF_ATTN_IN_PROJ_WEIGHT}, ... */
  static List<Weight> torchAttention(String prefix, long d, boolean trainable) {
    return List.of(
        Weight.of(prefix + "_IN_PROJ_WEIGHT", trainable, 3 * d, d),
        Weight.of(prefix + "_IN_PROJ_BIAS", trainable, 3 * d),
        Weight.of(prefix + "_OUT_PROJ_WEIGHT", trainable, d, d),
        Weight.of(prefix + "_OUT_PROJ_BIAS", trainable, d));
  }

  /** An {@code nn.Linear(in, out)} or {@code nn.LayerNorm} submodule's {@code weight} and {@code bias}. */
  static List<Weight> torchPair(String prefix, boolean trainable, long... weight) {
    return List.of(Weight.of(prefix + "_WEIGHT", trainable, weight), Weight.of(prefix + "_BIAS", trainable, weight[0]));
  }

  /** torch's {@code embed_dim must be divisible by num_heads}, or null. */
  static Torch torchHeads(String module, Shape input, int numHeads, Context context) {
    if (input.features() % numHeads != 0) {
      return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, "numHeads", context.ref(),
          "numHeads = " + numHeads + " on width " + input.features(),
          "torch.nn." + module + " needs d_model divisible by nhead",
          "use a numHeads that divides " + input.features()));
    }
    return null;
  }

  static long sum(OptionalLong... parts) {
    long total = 0;
    for (OptionalLong p : parts) {
      total = Math.addExact(total, p.getAsLong());
    }
    return total;
  }
}
