package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * Keras {@code TimeDistributed(Dense(units))} (keras/src/layers/core/wrapper.py and
 * rnn/time_distributed.py: the child is built on {@code (batch, *input_shape[2:])}): the Dense
 * layer's weights, applied at every time step.
 */
public record TimeDistributedLayer(DenseLayer inner) implements Wrapper {
  /** Wraps {@code inner}, which must be a Dense layer. */
  static Built wrap(Layer inner, Attributes a, Context context) {
    if (inner instanceof DenseLayer dense) {
      return new Built.Ok(new TimeDistributedLayer(dense));
    }
    return new Built.Refused(Refusal.onWrapper(Message.TIME_DISTRIBUTED_NOT_DENSE, null, context.ref()));
  }

  @Override
  public ModelInput innerInput() {
    return inner;
  }

  @Override
  public String kerasClass() {
    return "TimeDistributed";
  }

  @Override
  public String defaultName() {
    return "time_distributed";
  }

  @Override
  public Step output(Shape input, Context context) {
    return inner.output(input, context);
  }

  @Override
  public List<Weight> weights(Shape input) {
    return inner.weights(input);
  }

  @Override
  public java.util.OptionalLong macPositions(Shape input, Shape output) {
    return input.timesteps();
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return inner.torch(input, context);
  }

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }

  /** Its Keras {@code call} takes a {@code mask}. */
  @Override
  public boolean takesMask() {
    return true;
  }
}
