package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keras {@code Dense(units)}: a {@code kernel} of {@code features * units} and a {@code bias} of
 * {@code units} (keras/src/layers/core/dense.py, {@code build()}: {@code shape=(input_dim,
 * self.units)} and {@code shape=(self.units,)}). On a sequence it works on the last axis.
 */
public record DenseLayer(int units, OptionalInt features, OptionalInt timesteps, boolean useBias, boolean trainable)
    implements Layer, ModelInput {
  static DenseLayer from(Attributes a) {
    return new DenseLayer(
        a.integer("units"), a.ifWritten("features"), a.ifWritten("timesteps"), a.flag("useBias"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "Dense";
  }

  @Override
  public String defaultName() {
    return "dense";
  }

  @Override
  public String annotation() {
    return "Dense";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("units", units).input(this).result();
  }

  /** A first Dense takes a plain vector, or a sequence when {@code timesteps} is written. */
  @Override
  public Step input(Context context) {
    if (features.isEmpty()) {
      return Step.refuse(Message.MISSING_FEATURES, null, context.ref(), annotation());
    }
    return Step.of(
        timesteps.isPresent() ? Shape.sequence(length(), features.getAsInt()) : Shape.vector(features.getAsInt()));
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(input.withFeatures(units));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(
        Weight.of("KERNEL", trainable, input.features(), units),
        Weight.optional("BIAS", useBias, trainable, units));
  }

  @Override
  public java.util.OptionalLong macPositions(Shape input, Shape output) {
    return input.positions();
  }

  /** {@code torch.nn.Linear(features, units)}: {@code weight (units, features)}, {@code bias (units)}. */
  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module(
        "Linear",
        Weight.of("WEIGHT", trainable, units, input.features()),
        Weight.optional("BIAS", useBias, trainable, units));
  }

  @Override
  public String sizes(Shape input) {
    return "units = " + units + " on " + input.features() + " input features";
  }

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }
}
