package dev.paramcheck.model.layer;

import dev.paramcheck.ScoreMode;
import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keras {@code Attention(use_scale, score_mode)} (keras/src/layers/attention/attention.py, Keras
 * 3.15.1): called on {@code [query, value]} or {@code [query, value, key]} (any other count is
 * refused, {@code _validate_inputs} 284-298); {@code build} (89-108) creates a scalar {@code scale}
 * with {@code use_scale} and a scalar {@code concat_score_weight} with {@code score_mode="concat"}.
 * The output is the query's shape with the value's last axis ({@code compute_output_shape},
 * 250-253). Keras builds it whatever the query's and key's widths; scoring then fails when the
 * model runs, so paramcheck refuses a query and a key of different widths (docs/decisions.md).
 */
public record AttentionLayer(boolean useScale, ScoreMode scoreMode, double dropout, boolean trainable)
    implements ScoredAttention {
  static AttentionLayer from(Attributes a) {
    return new AttentionLayer(a.flag("useScale"), a.constant("scoreMode", ScoreMode.class), a.real("dropout"),
        a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "Attention";
  }

  @Override
  public String defaultName() {
    return "attention";
  }

  @Override
  public String annotation() {
    return "Attention";
  }

  /**
   * Without weights it is a function in {@code forward()} ({@code
   * F.scaled_dot_product_attention}): no module; its learned scales have no {@code torch.nn} module.
   */
  @Override
  public Torch torch(List<Shape> inputs, Context context) {
    if (useScale || scoreMode == ScoreMode.CONCAT) {
      return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, null, context.ref(), "useScale = " + useScale + ", scoreMode = " + scoreMode,
          "torch.nn has no attention module with a learned score scale", "compute it in forward() without one"));
    }
    return new Torch.NoModule();
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(
        Weight.optional("SCALE", useScale, trainable),
        Weight.optional("CONCAT_SCORE_WEIGHT", scoreMode == ScoreMode.CONCAT, trainable));
  }

  @Override
  public boolean needsFeatures() {
    return false;
  }

  /** The two attention products: {@code Tq * Tv * (Dk + Dv)}. */
  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    Shape key = Attentions.key(inputs);
    return Attentions.products(inputs.get(0), key, key.features(), inputs.get(1).features());
  }

  @Override
  public boolean widthsMustMatch() {
    return scoreMode == ScoreMode.CONCAT;
  }
}
