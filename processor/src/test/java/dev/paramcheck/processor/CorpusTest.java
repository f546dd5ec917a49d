package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus: hundreds of random architectures counted by TensorFlow.js and PyTorch
 * ({@code tools/corpus}), plus the keras.io RNN guide's published models. Every one is declared
 * with the annotations and compiled through the processor; valid models must give exactly the
 * reference's count for each layer and in total, rejected ones an error in their own file, on the
 * line of the layer the reference rejected. Under javac and ecj ({@link TestCompiler#forEach}: a
 * container of one test per model for each), each compiling the whole corpus once, as one
 * compilation, and under ecj the generated sources must also be javac's, byte for byte.
 */
class CorpusTest {
  private static final JsonObject CORPUS = load("/corpus/corpus.json");

  /** A corpus file from the test resources. */
  static JsonObject load(String resource) {
    try (Reader in = new InputStreamReader(
        CorpusTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(in).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The objects of a corpus's array {@code key} ({@code "models"}, {@code "configs"}), in file order. */
  static List<JsonObject> entries(JsonObject corpus, String key) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : corpus.getAsJsonArray(key)) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  /** Whether a corpus model declares a field of this name (Keras's rows for operations have none). */
  static boolean hasField(JsonObject model, String name) {
    for (JsonElement f : model.getAsJsonArray("fields")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiles a corpus's refused models together, under javac and ecj: the compilation fails and, per
   * model, its file has errors, the error at fault stands on line {@code 4 + field} (package, import,
   * class, then one field a line) and carries paramcheck's tag. With {@code firstError} that error
   * is the file's first; otherwise it may follow others (an {@code @Input} the refused layer fails to
   * take reports its own). {@code text} checks that error's message further.
   */
  static Stream<DynamicContainer> refused(List<JsonObject> models, Function<JsonObject, JavaFileObject> source,
      ToLongFunction<JsonObject> field, boolean firstError, BiConsumer<JsonObject, String> text) {
    List<JavaFileObject> sources = models.stream().map(source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        JavaFileObject file = source.apply(model);
        List<Diagnostic<? extends JavaFileObject>> errors =
            c.errors().stream().filter(d -> compiler.sameFile(d, file)).toList();
        assertWithMessage("errors for %s", model.get("id")).that(errors).isNotEmpty();
        long line = 4 + field.applyAsLong(model);
        Diagnostic<? extends JavaFileObject> error = firstError ? errors.get(0)
            : errors.stream().filter(d -> d.getLineNumber() == line).findFirst().orElse(errors.get(0));
        assertWithMessage("%s (%s): %s", model.get("id"), model.get("kind"), TestCompiler.describe(errors))
            .that(error.getLineNumber()).isEqualTo(line);
        String message = error.getMessage(Locale.ROOT);
        assertWithMessage("%s", TestCompiler.describe(errors)).that(message).startsWith("[paramcheck:");
        text.accept(model, message);
      }));
    });
  }

  static List<JsonObject> models(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      if (e.getAsJsonObject().get("valid").getAsBoolean() == valid) {
        out.add(e.getAsJsonObject());
      }
    }
    return out;
  }

  static String className(JsonObject model) {
    return "corpus." + Character.toUpperCase(model.get("id").getAsString().charAt(0))
        + model.get("id").getAsString().substring(1);
  }

  /** The model as a user writes it: one field per layer, one line per field. */
  static JavaFileObject source(JsonObject model) {
    return source(className(model), model.getAsJsonArray("layers"), CorpusTest::annotations);
  }

  /**
   * Class {@code className} with a field {@code layer<i>} per layer, each on its own line (line
   * 4 + i), its annotations written by {@code annotations}.
   */
  static JavaFileObject source(String className, JsonArray layers, Function<JsonObject, String> annotations) {
    int dot = className.lastIndexOf('.');
    List<String> lines = new ArrayList<>();
    lines.add("package " + className.substring(0, dot) + ";");
    lines.add("import dev.paramcheck.*;");
    lines.add("public class " + className.substring(dot + 1) + " {");
    for (int i = 0; i < layers.size(); i++) {
      lines.add("  " + annotations.apply(layers.get(i).getAsJsonObject()) + " Object layer" + i + ";");
    }
    lines.add("}");
    return Compiled.source(className, lines.toArray(new String[0]));
  }

  private static String annotations(JsonObject layer) {
    String type = layer.get("type").getAsString();
    List<String> values = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    JsonElement bidirectional = layer.get("bidirectional");
    if (bidirectional != null && !bidirectional.isJsonNull()) {
      out.append("@Bidirectional(merge = Bidirectional.Merge.").append(bidirectional.getAsString()).append(") ");
    }
    for (Map.Entry<String, JsonElement> e : layer.entrySet()) {
      if (!e.getKey().equals("type") && !e.getKey().equals("bidirectional")) {
        values.add(e.getKey() + " = " + e.getValue().getAsString());
      }
    }
    return out.append('@').append(type).append('(').append(String.join(", ", values)).append(')').toString();
  }

  @TestFactory
  Stream<DynamicContainer> validModelsCountExactlyAsTheReference() {
    List<JsonObject> models = models(true);
    assertThat(models.size()).isAtLeast(300);
    List<JavaFileObject> sources = models.stream().map(CorpusTest::source).toList();
    Map<TestCompiler, Compilation> compiled = new EnumMap<>(TestCompiler.class); // each compiler once
    Function<TestCompiler, Compilation> compile = k -> compiled.computeIfAbsent(k, x -> x.compile(List.of(), sources));
    return TestCompiler.forEach(compiler -> {
      Compilation c = compile.apply(compiler);
      assertWithMessage("%s", c.errors()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      assertWithMessage("%s", TestCompiler.describe(c.diagnostics()))
          .that(TestCompiler.paramcheckWarnings(c))
          .isEmpty();
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        String summary = className(model) + "Summary";
        Map<String, Long> constants = Compiled.constants(c, summary);
        assertCounts(model, constants);
        if (!model.has("note")) { // the one model whose published shapes have a fixed time axis
          String table = Compiled.table(c, summary);
          JsonArray shapes = model.getAsJsonArray("outputShapes");
          for (int i = 0; i < shapes.size(); i++) {
            assertWithMessage("table of %s:%n%s", model.get("id"), table)
                .that(rowOf(table, "layer" + i))
                .contains(shapes.get(i).getAsString());
          }
        }
        if (compiler != TestCompiler.JAVAC) {
          // the rest (table, shapes, weights) exactly as under javac
          Compilation javac = compile.apply(TestCompiler.JAVAC);
          assertThat(TestCompiler.generatedSource(c, summary)).isEqualTo(TestCompiler.generatedSource(javac, summary));
        }
      }));
    });
  }

  /** Each layer's and the total count of a generated summary are exactly the reference's. */
  static void assertCounts(JsonObject model, Map<String, Long> constants) {
    JsonArray params = model.getAsJsonArray("layerParams");
    for (int i = 0; i < params.size(); i++) {
      assertWithMessage("layer%s of %s", i, model.get("id"))
          .that(constants.get(Names.upperSnake("layer" + i) + "_PARAMS"))
          .isEqualTo(params.get(i).getAsLong());
    }
    assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(model.get("totalParams").getAsLong());
  }

  /** The table's row of {@code layer}. */
  static String rowOf(String table, String layer) {
    for (String line : table.split("\n")) {
      if (line.contains(" " + layer + " (")) {
        return line;
      }
    }
    throw new AssertionError("no row for " + layer + " in\n" + table);
  }

  @TestFactory
  Stream<DynamicContainer> rejectedModelsFailInTheirOwnFileOnTheRejectedLayer() {
    List<JsonObject> models = models(false);
    assertThat(models.size()).isAtLeast(30);
    return refused(models, CorpusTest::source, m -> m.get("rejectedLayer").getAsLong(), true, (m, text) -> {});
  }
}
