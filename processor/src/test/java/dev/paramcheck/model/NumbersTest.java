package dev.paramcheck.model;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are Keras 3's, as printed by published {@code model.summary()} outputs. */
class NumbersTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "164106 | 164,106 | 641.04 KB", // Keras 3 summary of the keras.io RNN guide's first model
        "29476 | 29,476 | 115.14 KB", // published Keras 3 notebook (test resource keras/published-*)
        "2757761 | 2,757,761 | 10.52 MB", // keras.io "Bidirectional LSTM on IMDB", Keras 3
        "0 | 0 | 0.00 B", // Non-trainable params: 0 (0.00 B), in every Keras 3 summary
      })
  void asKerasPrintsThem(long params, String grouped, String size) {
    assertThat(Numbers.grouped(params)).isEqualTo(grouped);
    assertThat(Numbers.kerasSize(params * 4)).isEqualTo(size);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "999, 999", "1000, '1,000'", "-1234567, '-1,234,567'",
    "9223372036854775807, '9,223,372,036,854,775,807'", "-9223372036854775808, '-9,223,372,036,854,775,808'"})
  void groupsThousandsAsPythonDoes(long n, String expected) {
    // Python: f"{n:,}"
    assertThat(Numbers.grouped(n)).isEqualTo(expected);
  }
}
