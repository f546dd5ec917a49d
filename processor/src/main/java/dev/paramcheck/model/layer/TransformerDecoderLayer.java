package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * keras_hub {@code TransformerDecoder} (keras_hub/src/layers/modeling/transformer_decoder.py @
 * 1dfe107, {@code build} from 122): {@code head_dim = int(D // num_heads)} (132, zero refused), a
 * self-attention {@code CachedMultiHeadAttention} (MultiHeadAttention's weights, {@code
 * self_attention}, 141-159) and {@code self_attention_layer_norm} (160-165); only when called with an
 * encoder sequence, a cross-attention on {@code query = decoder, value = encoder} ({@code
 * cross_attention}, 172-194) and {@code cross_attention_layer_norm} (195-200); then {@code
 * feedforward_intermediate_dense}, {@code feedforward_output_dense} and {@code
 * feedforward_layer_norm} (207-232). Takes the decoder sequence and an optional encoder sequence.
 */
public record TransformerDecoderLayer(int intermediateDim, int numHeads, boolean normalizeFirst, double dropout,
    boolean trainable) implements MultiInput {
  static TransformerDecoderLayer from(Attributes a) {
    return new TransformerDecoderLayer(a.integer("intermediateDim"), a.integer("numHeads"), a.flag("normalizeFirst"),
        a.real("dropout"), a.flag("trainable"));
  }

  /**
   * keras_hub sets {@code supports_masking = True}; {@code call(decoder_sequence,
   * encoder_sequence, decoder_padding_mask, ...)} has no {@code decoder_sequence_mask} argument
   * (transformer_decoder.py @ 1dfe107), so Keras hands the decoder sequence's mask on, as for
   * MultiHeadAttention's query.
   */
  @Override
  public OutputMask outputMask() {
    return OutputMask.QUERY;
  }

  @Override
  public String kerasClass() {
    return "TransformerDecoder";
  }

  @Override
  public String defaultName() {
    return "transformer_decoder";
  }

  @Override
  public String annotation() {
    return "TransformerDecoder";
  }

  @Override
  public String arity() {
    return "one or two inputs (the decoder sequence and an optional encoder sequence)";
  }

  @Override
  public boolean accepts(int count) {
    return count == 1 || count == 2;
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("intermediateDim", intermediateDim).positive("numHeads", numHeads).result();
  }

  @Override
  public Step output(List<Shape> inputs, Context context) {
    for (int k = 0; k < inputs.size(); k++) {
      Shape s = inputs.get(k);
      String role = k == 0 ? "decoder sequence" : "encoder sequence";
      if (s.rank() != 2) {
        return Step.refuse(Message.ATTENTION_NOT_A_SEQUENCE, "from", context.ref(), role, s);
      }
      if (s.features() == Shape.UNKNOWN) {
        return Step.refuse(Message.ATTENTION_UNKNOWN_FEATURES, "from", context.ref(), role, s);
      }
    }
    Step wrong = KerasHub.heads(inputs.get(0), numHeads, "head_dim", context);
    return wrong != null ? wrong : Step.of(inputs.get(0));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return weights(List.of(input));
  }

  /** In keras_hub's order; the cross-attention's weights are absent (0) without an encoder sequence. */
  @Override
  public List<Weight> weights(List<Shape> inputs) {
    Shape x = inputs.get(0);
    long d = x.features();
    List<Weight> w = new ArrayList<>(26);
    w.addAll(KerasHub.attention("SELF_ATTENTION", x, x, numHeads, trainable));
    w.addAll(KerasHub.norm("SELF_ATTENTION_LAYER_NORM", d, trainable));
    if (inputs.size() > 1) {
      w.addAll(KerasHub.attention("CROSS_ATTENTION", x, inputs.get(1), numHeads, trainable));
      w.addAll(KerasHub.norm("CROSS_ATTENTION_LAYER_NORM", d, trainable));
    } else {
      for (Weight cross : KerasHub.attention("CROSS_ATTENTION", x, x, numHeads, trainable)) {
        w.add(new Weight(cross.key(), List.of(), 0, trainable));
      }
      for (Weight cross : KerasHub.norm("CROSS_ATTENTION_LAYER_NORM", d, trainable)) {
        w.add(new Weight(cross.key(), List.of(), 0, trainable));
      }
    }
    w.addAll(KerasHub.dense("FEEDFORWARD_INTERMEDIATE_DENSE", d, intermediateDim, trainable));
    w.addAll(KerasHub.dense("FEEDFORWARD_OUTPUT_DENSE", intermediateDim, d, trainable));
    w.addAll(KerasHub.norm("FEEDFORWARD_LAYER_NORM", d, trainable));
    return w;
  }

  /** Self- and cross-attention as {@code MultiHeadAttention}'s, the feed-forward Dense layers at every position. */
  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    Shape x = inputs.get(0);
    if (Attentions.positions(x).isEmpty() || inputs.size() > 1 && Attentions.positions(inputs.get(1)).isEmpty()) {
      return OptionalLong.empty();
    }
    MultiHeadAttentionLayer mha = KerasHub.mha(x, numHeads, trainable);
    OptionalLong cross = inputs.size() > 1
        ? mha.macs(List.of(x, inputs.get(1)), x, 0)
        : OptionalLong.of(0);
    List<Weight> w = weights(inputs);
    return OptionalLong.of(KerasHub.sum(mha.macs(List.of(x, x), x, 0), cross, KerasHub.at(w.subList(20, 24), x)));
  }

  /**
   * {@code nn.TransformerDecoderLayer(D, numHeads, intermediateDim)} (torch/nn/modules/transformer.py,
   * torch 2.13, 1042-1066): {@code self_attn}, {@code multihead_attn}, {@code linear1}, {@code
   * linear2}, {@code norm1..3}. torch's decoder layer always attends to a memory as wide as itself:
   * without an encoder sequence, or with one of another width, it is not expressible.
   */
  @Override
  public Torch torch(List<Shape> inputs, Context context) {
    Shape x = inputs.get(0);
    if (inputs.size() < 2 || inputs.get(1).features() != x.features()) {
      return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, null, context.ref(),
          inputs.size() < 2 ? "a TransformerDecoder without an encoder sequence"
              : "an encoder sequence of width " + inputs.get(1).features() + " for a decoder of width " + x.features(),
          "torch.nn.TransformerDecoderLayer always attends to a memory of its own width",
          inputs.size() < 2 ? "use @TransformerEncoder for a decoder-only block" : "project the encoder sequence to "
              + x.features() + " first"));
    }
    Torch wrong = KerasHub.torchHeads("TransformerDecoderLayer", x, numHeads, context);
    if (wrong != null) {
      return wrong;
    }
    long d = x.features();
    List<Weight> w = new ArrayList<>(18);
    w.addAll(KerasHub.torchAttention("SELF_ATTN", d, trainable));
    w.addAll(KerasHub.torchAttention("MULTIHEAD_ATTN", d, trainable));
    w.addAll(KerasHub.torchPair("LINEAR1", trainable, intermediateDim, d));
    w.addAll(KerasHub.torchPair("LINEAR2", trainable, d, intermediateDim));
    w.addAll(KerasHub.torchPair("NORM1", trainable, d));
    w.addAll(KerasHub.torchPair("NORM2", trainable, d));
    w.addAll(KerasHub.torchPair("NORM3", trainable, d));
    return new Torch.Module("TransformerDecoderLayer", w);
  }

  @Override
  public String sizes(Shape input) {
    return "intermediateDim = " + intermediateDim + ", numHeads = " + numHeads + " on " + input.features()
        + " input features";
  }
}
