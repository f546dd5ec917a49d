package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * A Keras recurrent layer: each gate has input weights ({@code kernel}), recurrent weights ({@code
 * recurrent_kernel}) and biases, created in Keras's cell {@code build()}
 * (keras/src/layers/rnn/simple_rnn.py, lstm.py, gru.py).
 */
public sealed interface Recurrent extends Layer, ModelInput permits SimpleRnnLayer, LstmLayer, GruLayer {
  int units();

  boolean useBias();

  boolean returnSequences();

  boolean trainable();

  /** Gates, each with its own kernel, recurrent kernel and bias: 1, 4 (LSTM) or 3 (GRU). */
  int gates();

  /** Bias vectors per gate: 2 for a GRU with {@code reset_after}, else 1. */
  default int biasVectors() {
    return 1;
  }

  @Override
  default List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("units", units()).input(this).result();
  }

  @Override
  default boolean needsSequence() {
    return true;
  }

  @Override
  default Step output(Shape input, Context context) {
    return Step.of(returnSequences() ? Shape.sequence(input.timesteps(), units()) : Shape.vector(units()));
  }

  @Override
  default List<Weight> weights(Shape input) {
    long gateUnits = (long) gates() * units();
    return List.of(
        new Weight("KERNEL", Math.multiplyExact(input.features(), gateUnits), trainable()),
        new Weight("RECURRENT_KERNEL", Math.multiplyExact((long) units(), gateUnits), trainable()),
        new Weight("BIAS", useBias() ? biasVectors() * gateUnits : 0, trainable()));
  }

  /** The {@code torch.nn} module: {@code RNN}, {@code LSTM} or {@code GRU}. */
  String torchModule();

  @Override
  default java.util.OptionalLong macPositions(Shape input, Shape output) {
    return input.timesteps();
  }

  /**
   * {@code torch.nn.RNN/LSTM/GRU}: {@code weight_ih_l0 (gates*units, features)}, {@code weight_hh_l0
   * (gates*units, units)}, and {@code bias_ih_l0}, {@code bias_hh_l0} of {@code gates*units} each
   * ("Second bias vector included for CuDNN compatibility", torch/nn/modules/rnn.py).
   */
  @Override
  default Torch torch(Shape input, Context context) {
    long gateUnits = (long) gates() * units();
    long bias = useBias() ? gateUnits : 0;
    return Torch.module(
        torchModule(),
        new Weight("WEIGHT_IH_L0", Math.multiplyExact(gateUnits, input.features()), trainable()),
        new Weight("WEIGHT_HH_L0", Math.multiplyExact(gateUnits, (long) units()), trainable()),
        new Weight("BIAS_IH_L0", bias, trainable()),
        new Weight("BIAS_HH_L0", bias, trainable()));
  }

  @Override
  default String sizes(Shape input) {
    return "units = " + units() + " on " + input.features() + " input features";
  }
}
