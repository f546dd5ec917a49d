package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A functional model's record from a real compilation: the strict reader takes its array
 * attributes ({@code @Input(shape)}, {@code @From}), its {@code inputs} and each layer's {@code
 * inbound} tensors, and the HTML report shows what each layer takes.
 */
class FunctionalRecordTest {
  @TempDir Path tmp;

  @Test
  void aTwoInputModelIsReadAndItsConnectionsShown() throws Exception {
    Path classes = RealCompilationTest.compile(tmp,
        "package shop;\n"
            + "import dev.paramcheck.*;\n"
            + "public class Tickets {\n"
            + "  @Input(shape = {-1}, dtype = \"int32\") Object title;\n"
            + "  @Input(shape = {12}) Object tags;\n"
            + "  @From(\"title\") @Embedding(inputDim = 100, outputDim = 8) Object words;\n"
            + "  @Lstm(units = 4) Object encoded;\n"
            + "  @From(\"tags\") @Reshape(targetShape = {12}) Object sameTags;\n"
            + "  @From({\"encoded\", \"sameTags\"}) @Concatenate Object features;\n"
            + "  @Dense(units = 1) Object priority;\n"
            + "}\n");
    Path record = classes.resolve("META-INF/paramcheck/shop.Tickets.json");
    assertEquals(List.of(), RecordSchemaTest.validate(Files.readString(record)), "docs/record-schema.json");
    ModelRecord r = RecordParser.parse(Files.readAllBytes(record), record.toString());
    // Keras 3: Embedding(100, 8) 800, LSTM(4) on 8 features 208, Dense(1) on 4 + 12 features 17
    assertEquals(1_025, r.totals().params());
    ModelRecord.Layer features = r.layers().stream().filter(l -> l.name().equals("features")).findFirst().orElseThrow();
    assertEquals(List.of("encoded[0][0]", "sameTags[0][0]"), features.inbound());
    ModelRecord.Layer reshape = r.layers().stream().filter(l -> l.name().equals("sameTags")).findFirst().orElseThrow();
    assertEquals(List.of(12L), reshape.attributes().get("targetShape"));
    String html = HtmlReport.render(List.of(r), Comparison.of(List.of(r), java.util.Optional.empty()));
    assertTrue(html.contains("<span class=\"layer-inbound\">\u2190 encoded[0][0], sameTags[0][0]</span>"), html);
  }
}
