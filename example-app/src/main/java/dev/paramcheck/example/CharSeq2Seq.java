package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.From;
import dev.paramcheck.Input;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/**
 * keras.io's character-level sequence-to-sequence model (English to French): an encoder LSTM whose
 * final states start the decoder LSTM. 71 input characters, 93 target characters, 256 units;
 * Keras 3 counts {@code Total params: 718,173}.
 */
@ParamBudget(max = 1_000_000)
public class CharSeq2Seq {
  @Input(shape = {-1, 71})
  Object encoderInputs;

  @Lstm(units = 256, returnState = true)
  Object encoder;

  @Input(shape = {-1, 93})
  Object decoderInputs;

  @From(value = "decoderInputs", initialState = {"encoder[1]", "encoder[2]"})
  @Lstm(units = 256, returnSequences = true, returnState = true)
  Object decoderLstm;

  @From("decoderLstm")
  @Dense(units = 93)
  Object decoderDense;
}
