package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Keras 3 printouts of functional models, published by others (a book's listings, notebooks,
 * READMEs; {@code src/test/resources/keras/README.md} cites each), reproduced byte for byte: each
 * model of {@code corpus/functional-published.json} is declared with the annotations, compiled at
 * the printout's width under javac and ecj, and its {@code table()} compared with the printout
 * (the whole text, or the table alone where the source published only the table).
 */
class FunctionalPublishedTest {
  private static final JsonObject PUBLISHED = CorpusTest.load("/corpus/functional-published.json");

  private static String className(JsonObject model) {
    return "published." + model.get("id").getAsString() + "." + model.get("className").getAsString();
  }

  private static String printout(JsonObject model) {
    String name = "/keras/" + model.get("published").getAsString();
    try (InputStream in = FunctionalPublishedTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The box of the table: from its top border to its bottom border, without title and footer. */
  static String box(String summary) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : summary.split("\n", -1)) {
      inside |= line.startsWith("\u250f");
      if (inside) {
        lines.add(line);
      }
      if (line.startsWith("\u2514")) {
        break;
      }
    }
    return String.join("\n", lines) + "\n";
  }

  @TestFactory
  Stream<DynamicContainer> publishedPrintoutsAreReproducedByteForByte() {
    List<JsonObject> models = new ArrayList<>();
    for (JsonElement e : PUBLISHED.getAsJsonArray("models")) {
      models.add(e.getAsJsonObject());
    }
    assertThat(models.size()).isAtLeast(4);
    return TestCompiler.forEach(compiler -> models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
      String className = className(model);
      Compilation c = compiler.compile(
          List.of("-Aparamcheck.tableWidth=" + model.get("publishedWidth").getAsInt()),
          FunctionalCorpusTest.source(model, className));
      assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      String table = FunctionalCorpusTest.kerasPart(Compiled.table(c, className + "Summary"));
      String expected = printout(model);
      if (model.get("publishedPart").getAsString().equals("table")) {
        assertThat(box(table)).isEqualTo(expected);
      } else {
        assertThat(table).isEqualTo(expected);
      }
    })));
  }
}
