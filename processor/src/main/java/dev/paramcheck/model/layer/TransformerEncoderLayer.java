package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * keras_hub {@code TransformerEncoder} (keras_hub/src/layers/modeling/transformer_encoder.py @
 * 1f6e92e, {@code build} 117-198): {@code key_dim = int(D // num_heads)} (121, zero refused 122-127),
 * a self-attention {@code MultiHeadAttention(num_heads, key_dim)} ({@code self_attention_layer},
 * 130-150), {@code self_attention_layer_norm} (151-156), {@code feedforward_layer_norm} (164-169),
 * {@code feedforward_intermediate_dense} Dense(I) (170-180) and {@code feedforward_output_dense}
 * Dense(D) (181-192), in that order. {@code normalize_first} and {@code dropout} change no weight.
 */
public record TransformerEncoderLayer(int intermediateDim, int numHeads, boolean normalizeFirst, double dropout,
    boolean trainable) implements Layer {
  static TransformerEncoderLayer from(Attributes a) {
    return new TransformerEncoderLayer(a.integer("intermediateDim"), a.integer("numHeads"), a.flag("normalizeFirst"),
        a.real("dropout"), a.flag("trainable"));
  }

  /**
   * keras_hub sets {@code supports_masking = True} and its {@code call(inputs, padding_mask,
   * attention_mask, ...)} has no {@code mask} argument (transformer_encoder.py @ 1f6e92e), so Keras
   * hands the input's mask on and lists none in "Connected to".
   */
  @Override
  public boolean keepsMask() {
    return true;
  }

  @Override
  public String kerasClass() {
    return "TransformerEncoder";
  }

  @Override
  public String defaultName() {
    return "transformer_encoder";
  }

  @Override
  public String annotation() {
    return "TransformerEncoder";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("intermediateDim", intermediateDim).positive("numHeads", numHeads).result();
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public boolean needsFeatures() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    Step wrong = KerasHub.heads(input, numHeads, "key_dim", context);
    return wrong != null ? wrong : Step.of(input);
  }

  @Override
  public List<Weight> weights(Shape input) {
    long d = input.features();
    List<Weight> w = new ArrayList<>(16);
    w.addAll(KerasHub.attention("SELF_ATTENTION_LAYER", input, input, numHeads, trainable));
    w.addAll(KerasHub.norm("SELF_ATTENTION_LAYER_NORM", d, trainable));
    w.addAll(KerasHub.norm("FEEDFORWARD_LAYER_NORM", d, trainable));
    w.addAll(KerasHub.dense("FEEDFORWARD_INTERMEDIATE_DENSE", d, intermediateDim, trainable));
    w.addAll(KerasHub.dense("FEEDFORWARD_OUTPUT_DENSE", intermediateDim, d, trainable));
    return w;
  }

  /** Self-attention as {@code MultiHeadAttention}'s, the feed-forward Dense layers at every position. */
  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    Shape x = inputs.get(0);
    if (Attentions.positions(x).isEmpty()) {
      return OptionalLong.empty();
    }
    List<Weight> w = weights(x);
    return OptionalLong.of(KerasHub.sum(KerasHub.mha(x, numHeads, trainable).macs(List.of(x, x), x, 0),
        KerasHub.at(w.subList(12, 16), x)));
  }

  /**
   * {@code nn.TransformerEncoderLayer(D, numHeads, intermediateDim)} (torch/nn/modules/transformer.py,
   * torch 2.13, 757-772): {@code self_attn}, {@code linear1}, {@code linear2}, {@code norm1}, {@code
   * norm2}: the same count as keras_hub's when the heads divide {@code D} (tools/corpus/README.md).
   */
  @Override
  public Torch torch(Shape input, Context context) {
    Torch wrong = KerasHub.torchHeads("TransformerEncoderLayer", input, numHeads, context);
    if (wrong != null) {
      return wrong;
    }
    long d = input.features();
    List<Weight> w = new ArrayList<>(12);
    w.addAll(KerasHub.torchAttention("SELF_ATTN", d, trainable));
    w.addAll(KerasHub.torchPair("LINEAR1", trainable, intermediateDim, d));
    w.addAll(KerasHub.torchPair("LINEAR2", trainable, d, intermediateDim));
    w.addAll(KerasHub.torchPair("NORM1", trainable, d));
    w.addAll(KerasHub.torchPair("NORM2", trainable, d));
    return new Torch.Module("TransformerEncoderLayer", w);
  }

  @Override
  public String sizes(Shape input) {
    return "intermediateDim = " + intermediateDim + ", numHeads = " + numHeads + " on " + input.features()
        + " input features";
  }
}
