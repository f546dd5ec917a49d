package dev.paramcheck.summary;

import static com.google.common.truth.Truth.assertThat;

import dev.paramcheck.summary.SummaryTable.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-for-byte against text produced by Keras 3 and rich themselves. */
public class SummaryTableTest {
  public static String resource(String name) {
    try (InputStream in = SummaryTableTest.class.getResourceAsStream("/keras/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void wrapsAndCutsLongCellsAsRichDoes() {
    String table = SummaryTable.render(
        "demo",
        List.of(
            new Row("global_max_pooling1d (GlobalMaxPooling1D)", "(None, 64)", "0"),
            new Row(
                "multi_head_attention_with_long_name (MultiHeadAttention)",
                "(None, None, None, None, 1024, 2048)",
                "1,574,912"),
            new Row("x (VeryVeryVeryLongClassNameThatGoesOnAndOn)", "(None, 3)", "0 (unbuilt)"),
            new Row("a[b] (Dense)", "()", "1,234,567,890,123")),
        0,
        0,
        0,
        76);
    assertThat(table).isEqualTo(resource("rich-wrapping-demo-76.txt"));
  }

  @Test
  void terminalWidthIs88() {
    String table = SummaryTable.render("m", List.of(new Row("lstm (LSTM)", "(None, 75)", "29,400")), 1, 1, 0, 88);
    // a published Keras 3 summary in a terminal: cells of 38, 29 and 17
    assertThat(table.lines().toList().get(2))
        .isEqualTo("\u2503 Layer (type)                         \u2503 Output Shape                \u2503"
            + "         Param # \u2503");
    assertThat(table.lines().allMatch(l -> l.length() == 88 || l.startsWith("Model") || l.startsWith(" ")))
        .isTrue();
  }
}
