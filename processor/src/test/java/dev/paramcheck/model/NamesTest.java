package dev.paramcheck.model;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  @ParameterizedTest
  @CsvSource({
    "hiddenLayer, HIDDEN_LAYER",
    "lstm, LSTM",
    "lstm2, LSTM2",
    "layer2Output, LAYER2_OUTPUT",
    "HTTPEncoder, HTTP_ENCODER",
    "simple_rnn, SIMPLE_RNN",
    "already_Snake, ALREADY_SNAKE",
    "X, X",
    "encoderGRU, ENCODER_GRU",
  })
  void upperSnake(String name, String expected) {
    assertThat(Names.upperSnake(name)).isEqualTo(expected);
  }
}
