package dev.paramcheck.model.layer;

import dev.paramcheck.Bidirectional.Merge;
import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Bidirectional(layer, merge_mode)} (keras/src/layers/rnn/bidirectional.py): a forward
 * and a backward copy of the wrapped layer, so twice its weights; {@code concat} doubles the
 * output's features.
 */
public record BidirectionalLayer(Recurrent inner, Merge merge) implements Wrapper {
  /** Wraps {@code inner}, which must be recurrent. */
  static Built wrap(Layer inner, Attributes a, Context context) {
    if (inner instanceof Recurrent recurrent) {
      return new Built.Ok(new BidirectionalLayer(recurrent, a.constant("merge", Merge.class)));
    }
    return new Built.Refused(Refusal.onWrapper(Message.BIDIRECTIONAL_NOT_RECURRENT, null, context.ref()));
  }

  @Override
  public ModelInput innerInput() {
    return inner;
  }

  @Override
  public String kerasClass() {
    return "Bidirectional";
  }

  @Override
  public String defaultName() {
    return "bidirectional";
  }

  @Override
  public Step output(Shape input, Context context) {
    Step one = inner.output(input, context);
    if (merge == Merge.CONCAT && one instanceof Step.Output out) {
      return Step.of(out.shape().withFeatures(2L * out.shape().features()));
    }
    return one;
  }

  /** The forward layer's states, then the backward layer's. */
  @Override
  public List<Shape> states(Shape input) {
    List<Shape> both = new ArrayList<>(inner.states(input));
    both.addAll(inner.states(input));
    return both;
  }

  /** With {@code returnState}: the forward states, then the backward ones, after the output. */
  @Override
  public List<Shape> extraOutputs(Shape input) {
    return inner.returnState() ? states(input) : List.of();
  }

  @Override
  public List<Weight> weights(Shape input) {
    List<Weight> one = inner.weights(input);
    List<Weight> both = new ArrayList<>(2 * one.size());
    for (String direction : new String[] {"FORWARD_", "BACKWARD_"}) {
      for (Weight w : one) {
        both.add(w.renamed(direction + w.key()));
      }
    }
    return both;
  }

  @Override
  public java.util.OptionalLong macPositions(Shape input, Shape output) {
    return input.timesteps();
  }

  /** {@code bidirectional=True}: the forward parameters, then each again with {@code _reverse}. */
  @Override
  public Torch torch(Shape input, Context context) {
    Torch one = inner.torch(input, context);
    if (!(one instanceof Torch.Module module)) {
      return one; // the wrapped layer's own option first, as torch_models.py reports it
    }
    if (merge != Merge.CONCAT) {
      return new Torch.Inexpressible(Refusal.onWrapper(
          Message.NOT_IN_PYTORCH,
          "merge",
          context.ref(),
          "@Bidirectional(merge = " + merge + ")",
          "a bidirectional torch.nn layer always concatenates the two directions",
          "use merge = CONCAT"));
    }
    List<Weight> both = new ArrayList<>(module.parameters());
    for (Weight w : module.parameters()) {
      both.add(w.renamed(w.key() + "_REVERSE"));
    }
    return new Torch.Module(module.module(), both);
  }

  /** Its Keras {@code call} takes a {@code mask}. */
  @Override
  public boolean takesMask() {
    return true;
  }

  /** Keras's {@code Bidirectional.compute_mask}: the mask, when it returns sequences. */
  @Override
  public boolean keepsMask() {
    return inner.returnSequences();
  }
}
