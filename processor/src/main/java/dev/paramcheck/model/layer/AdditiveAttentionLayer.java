package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keras {@code AdditiveAttention(use_scale)} (keras/src/layers/attention/additive_attention.py,
 * Keras 3.15.1): {@code Attention}'s inputs and output; {@code build} (68-79) creates {@code scale}
 * of the query's last axis with {@code use_scale} (the default).
 */
public record AdditiveAttentionLayer(boolean useScale, double dropout, boolean trainable) implements ScoredAttention {
  static AdditiveAttentionLayer from(Attributes a) {
    return new AdditiveAttentionLayer(a.flag("useScale"), a.real("dropout"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "AdditiveAttention";
  }

  @Override
  public String defaultName() {
    return "additive_attention";
  }

  @Override
  public String annotation() {
    return "AdditiveAttention";
  }

  /**
   * Without weights it is a function in {@code forward()} ({@code
   * F.scaled_dot_product_attention}): no module; its learned scales have no {@code torch.nn} module.
   */
  @Override
  public Torch torch(List<Shape> inputs, Context context) {
    if (useScale) {
      return new Torch.Inexpressible(Refusal.of(Message.NOT_IN_PYTORCH, null, context.ref(), "useScale = true",
          "torch.nn has no attention module with a learned score scale", "compute it in forward() without one"));
    }
    return new Torch.NoModule();
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(Weight.optional("SCALE", useScale, trainable, input.features()));
  }

  /** The two attention products: {@code Tq * Tv * (Dk + Dv)}. */
  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    Shape key = Attentions.key(inputs);
    return Attentions.products(inputs.get(0), key, key.features(), inputs.get(1).features());
  }

  @Override
  public boolean widthsMustMatch() {
    return true;
  }
}
