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
        "164106 | 164,106 | 641.04 KB", // keras.io guide: Total params: 164,106 (641.04 KB)
        "361866 | 361,866 | 1.38 MB", // keras.io guide: Total params: 361,866 (1.38 MB)
        "80266 | 80,266 | 313.54 KB", // keras.io guide: Total params: 80,266 (313.54 KB)
        "0 | 0 | 0.00 B", // Non-trainable params: 0 (0.00 B)
      })
  void asKerasPrintsThem(long params, String grouped, String size) {
    assertThat(Numbers.grouped(params)).isEqualTo(grouped);
    assertThat(Numbers.float32Size(params)).isEqualTo(size);
  }
}
