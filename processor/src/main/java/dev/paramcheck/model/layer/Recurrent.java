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

  /** Whether it also returns its final states ({@code return_state}). */
  boolean returnState();

  /** The states it keeps: {@code h}, and {@code c} for an LSTM. */
  default int stateCount() {
    return gates() == 4 ? 2 : 1;
  }

  @Override
  default List<Shape> states(Shape input) {
    return java.util.Collections.nCopies(stateCount(), Shape.vector(units()));
  }

  /** Keras's RNN {@code call} takes a {@code mask}. */
  @Override
  default boolean takesMask() {
    return true;
  }

  /** Keras's {@code RNN.compute_mask}: the mask, when it returns sequences. */
  @Override
  default boolean keepsMask() {
    return returnSequences();
  }

  @Override
  default List<Shape> extraOutputs(Shape input) {
    return returnState() ? states(input) : List.of();
  }

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
        Weight.of("KERNEL", trainable(), input.features(), gateUnits),
        Weight.of("RECURRENT_KERNEL", trainable(), units(), gateUnits),
        biasVectors() == 1
            ? Weight.optional("BIAS", useBias(), trainable(), gateUnits)
            : Weight.optional("BIAS", useBias(), trainable(), biasVectors(), gateUnits));
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
        Weight.of("WEIGHT_IH_L0", trainable(), gateUnits, input.features()),
        Weight.of("WEIGHT_HH_L0", trainable(), gateUnits, units()),
        Weight.optional("BIAS_IH_L0", useBias(), trainable(), gateUnits),
        Weight.optional("BIAS_HH_L0", useBias(), trainable(), gateUnits));
  }

  @Override
  default String sizes(Shape input) {
    return "units = " + units() + " on " + input.features() + " input features";
  }
}
