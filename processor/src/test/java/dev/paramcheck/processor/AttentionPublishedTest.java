package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Published Keras 3 printouts of Transformer models ({@code corpus/attention-published.json},
 * {@code keras/transformer-*.txt}; tools/corpus/README.md cites each). The eventdetector model
 * (two self-attention blocks, 108 columns) is reproduced byte for byte, the BiLSTM +
 * MultiHeadAttention table (published without its {@code Model:} line) too. The GPT and pretraining
 * pages were printed by Keras 3.0, whose chain layout had other column positions: their counts are
 * checked row by row. The classifier with four custom {@code TransformerBlock}s (p04, published from
 * its header row) is declared with {@code @Block} and reproduced byte for byte. The
 * English-to-Spanish page (p02) nests a decoder model of two inputs, {@code functional_1
 * (Functional)}: a block of class {@code Functional} called on the decoder's tokens and the
 * encoder's output, reproduced byte for byte.
 */
class AttentionPublishedTest {
  private static final JsonObject PUBLISHED = CorpusTest.load("/corpus/attention-published.json");

  /** Printouts compared byte for byte: the whole text, or from the table's top border. */
  private static final Map<String, Integer> BYTE_FOR_BYTE = Map.of("p05", 0, "p06", 1, "p04", 2, "p02", 0);

  private static final Set<String> COUNTS_ONLY = Set.of("p01", "p03");

  private static String className(JsonObject model) {
    return "published." + model.get("id").getAsString() + "." + model.get("className").getAsString();
  }

  private static String printout(JsonObject model) {
    String name = "/" + model.get("printout").getAsString();
    try (InputStream in = AttentionPublishedTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicContainer> publishedTransformerPrintouts() {
    List<JsonObject> models = new ArrayList<>();
    for (JsonElement e : PUBLISHED.getAsJsonArray("models")) {
      String id = e.getAsJsonObject().get("id").getAsString();
      if (BYTE_FOR_BYTE.containsKey(id) || COUNTS_ONLY.contains(id)) {
        models.add(e.getAsJsonObject());
      }
    }
    assertThat(models).hasSize(6);
    return TestCompiler.forEach(compiler -> models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
      String className = className(model);
      List<JavaFileObject> sources = FunctionalCorpusTest.sources(model, className); // with its blocks
      Compilation c = compiler.compile(List.of("-Aparamcheck.tableWidth=" + model.get("printoutWidth").getAsInt()),
          sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      String id = model.get("id").getAsString();
      JsonObject expected = model.getAsJsonObject("expected");
      Map<String, Long> constants = Compiled.constants(c, className + "Summary");
      assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(expected.get("total").getAsLong());
      for (JsonElement r : expected.getAsJsonArray("rows")) {
        JsonObject row = r.getAsJsonObject();
        Long count = constants.get(Names.upperSnake(row.get("name").getAsString()) + "_PARAMS");
        if (count != null) {
          assertWithMessage("%s", row.get("name")).that(count).isEqualTo(row.get("params").getAsLong());
        }
      }
      if (BYTE_FOR_BYTE.containsKey(id)) {
        String table = FunctionalCorpusTest.kerasPart(Compiled.table(c, className + "Summary"));
        for (int skip = 0; skip < BYTE_FOR_BYTE.get(id); skip++) {
          table = table.substring(table.indexOf('\n') + 1); // lines the publication left out
        }
        assertThat(table).isEqualTo(printout(model));
      }
    })));
  }
}
