package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * keras_hub's Transformer layers ({@code corpus/keras-hub.json}: 160 configurations of keras_hub's
 * {@code build()}, transcribed from its source and run in Keras 3.15.1; tools/corpus/README.md).
 * Each is one layer after an {@code @Input} (and an encoder sequence for a decoder with
 * cross-attention), compiled under javac and ecj: its count, output shape and every weight with
 * keras_hub's name and shape, in order; refused ones fail on the layer's field with keras_hub's
 * reason.
 *
 * <p>paramcheck decides one group: a {@code PositionEmbedding} shorter than its input. keras_hub's
 * {@code build} accepts it; its {@code call} slices {@code sequence_length} rows and fails when the
 * model runs (docs/decisions.md).
 */
class KerasHubCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/keras-hub.json");

  static boolean paramcheckRefuses(JsonObject config) {
    JsonObject attrs = config.getAsJsonObject("attrs");
    return attrs.has("sequenceLength") && config.has("params")
        && config.getAsJsonObject("input").getAsJsonArray("shape").get(0).getAsInt() > attrs.get("sequenceLength").getAsInt();
  }

  static List<JsonObject> configs(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("layers")) {
      JsonObject config = e.getAsJsonObject();
      if ((!config.has("refused") && !paramcheckRefuses(config)) == valid) {
        out.add(config);
      }
    }
    return out;
  }

  static String className(JsonObject config) {
    return "hub." + config.get("id").getAsString().toUpperCase(Locale.ROOT);
  }

  /** The layer after its input, on line 6 (line 7 with an encoder sequence). */
  static JavaFileObject source(JsonObject config) {
    JsonObject input = config.getAsJsonObject("input");
    List<String> lines = new ArrayList<>();
    lines.add("package hub;");
    lines.add("import dev.paramcheck.*;");
    lines.add("public class " + config.get("id").getAsString().toUpperCase(Locale.ROOT) + " {");
    lines.add("  @Input(shape = " + ints(input.getAsJsonArray("shape").toString())
        + (input.has("dtype") ? ", dtype = \"" + input.get("dtype").getAsString() + "\"" : "") + ") Object x;");
    String from = "\"x\"";
    if (input.has("encoderShape")) {
      lines.add("  @Input(shape = " + ints(input.getAsJsonArray("encoderShape").toString()) + ") Object encoded;");
      from = "\"x\", \"encoded\"";
    }
    String attrs = config.getAsJsonObject("attrs").entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue().getAsString())
        .collect(Collectors.joining(", "));
    lines.add("  @From({" + from + "}) @" + config.get("layer").getAsString() + "(" + attrs + ") Object layer;");
    lines.add("}");
    return Compiled.source(className(config), lines.toArray(new String[0]));
  }

  private static String ints(String json) {
    return "{" + json.substring(1, json.length() - 1) + "}";
  }

  @TestFactory
  Stream<DynamicContainer> layersHaveKerasHubWeightsAndShapes() {
    List<JsonObject> configs = configs(true);
    assertThat(configs.size()).isAtLeast(150);
    List<JavaFileObject> sources = configs.stream().map(KerasHubCorpusTest::source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      return configs.stream().map(config -> dynamicTest(config.get("id").getAsString(), () -> {
        Map<String, Long> constants = Compiled.constants(c, className(config) + "Summary");
        assertThat(constants.get("LAYER_PARAMS")).isEqualTo(config.get("params").getAsLong());
        assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(config.get("params").getAsLong());
        JsonObject layer = layer(c, className(config));
        assertThat(layer.get("outputShape").getAsString()).isEqualTo(config.get("output").getAsString());
        List<String> expected = new ArrayList<>();
        for (JsonElement w : config.getAsJsonArray("weights")) {
          JsonObject weight = w.getAsJsonObject();
          expected.add(weight.get("name").getAsString().replace('/', '_').toUpperCase(Locale.ROOT) + " "
              + weight.get("shape"));
        }
        List<String> actual = new ArrayList<>();
        for (JsonElement w : layer.getAsJsonArray("weights")) {
          JsonObject weight = w.getAsJsonObject();
          if (weight.has("shape")) {
            actual.add(weight.get("key").getAsString() + " " + weight.get("shape"));
          }
        }
        assertThat(actual).isEqualTo(expected);
      }));
    });
  }

  private static JsonObject layer(Compilation c, String className) {
    JavaFileObject file = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/" + className + ".json")
        .orElseThrow();
    try {
      JsonObject record = JsonParser.parseString(file.getCharContent(true).toString()).getAsJsonObject();
      for (JsonElement l : record.getAsJsonArray("layers")) {
        if (l.getAsJsonObject().get("name").getAsString().equals("layer")) {
          return l.getAsJsonObject();
        }
      }
      throw new AssertionError("no layer in " + className);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicContainer> refusedLayersFailOnTheirField() {
    List<JsonObject> configs = configs(false);
    assertThat(configs.size()).isAtLeast(10);
    List<JavaFileObject> sources = configs.stream().map(KerasHubCorpusTest::source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
      return configs.stream().map(config -> dynamicTest(config.get("id").getAsString(), () -> {
        JavaFileObject source = source(config);
        List<Diagnostic<? extends JavaFileObject>> errors =
            c.errors().stream().filter(d -> compiler.sameFile(d, source)).toList();
        assertWithMessage("%s", TestCompiler.describe(errors)).that(errors).hasSize(1);
        long line = config.getAsJsonObject("input").has("encoderShape") ? 6 : 5;
        assertThat(errors.get(0).getLineNumber()).isEqualTo(line);
        String text = errors.get(0).getMessage(Locale.ROOT);
        if (paramcheckRefuses(config)) {
          assertThat(text).startsWith("[paramcheck:sequence-too-long] sequenceLength = ");
        } else {
          String keras = config.getAsJsonObject("refused").get("keras").getAsString();
          assertThat(text).contains(keras.substring(0, keras.indexOf(" cannot be zero")));
        }
      }));
    });
  }
}
