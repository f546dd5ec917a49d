package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The layers corpus ({@code tools/corpus/generate-layers.mjs}): hundreds of models with every layer
 * kind, counted by TensorFlow.js 4.22, with Keras 3's source deciding where they differ (each such
 * model says why in {@code kerasDecides}). Every one is declared with the annotations and compiled
 * through the processor under javac and ecj: valid models must give the reference's count for each layer, each weight,
 * the trainable and non-trainable totals and each output shape; rejected ones an error on the line
 * of the rejected layer.
 */
class LayersCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/layers.json");

  /**
   * Models where paramcheck, not Keras, decides, and the layer it rejects. Keras 3 lets {@code
   * Flatten} of a sequence of unknown length through as {@code (None, None)} and fails only at the
   * next layer with weights (or never, when Flatten is last); paramcheck refuses the Flatten itself,
   * as the layers issue asks, so that the error points at the layer that needs the length.
   */
  static final Map<String, Integer> PARAMCHECK_DECIDES = Map.of("l0017", 1, "l0158", 1, "l0018", 1);

  static List<JsonObject> models(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      JsonObject model = e.getAsJsonObject();
      boolean accepted = model.get("valid").getAsBoolean() && !PARAMCHECK_DECIDES.containsKey(id(model));
      if (accepted == valid) {
        out.add(model);
      }
    }
    return out;
  }

  static String id(JsonObject model) {
    return model.get("id").getAsString();
  }

  static String className(JsonObject model) {
    return "layers." + Character.toUpperCase(id(model).charAt(0)) + id(model).substring(1);
  }

  private static final Set<String> NOT_ATTRIBUTES = Set.of("type", "bidirectional", "timeDistributed");

  /** The model as a user writes it: one field per layer, one line per field. */
  static JavaFileObject source(JsonObject model) {
    return CorpusTest.source(className(model), model.getAsJsonArray("layers"), LayersCorpusTest::annotations);
  }

  static String annotations(JsonObject layer) {
    StringBuilder out = new StringBuilder();
    JsonElement bidirectional = layer.get("bidirectional");
    if (bidirectional != null && !bidirectional.isJsonNull()) {
      out.append("@Bidirectional(merge = Bidirectional.Merge.").append(bidirectional.getAsString()).append(") ");
    }
    JsonElement timeDistributed = layer.get("timeDistributed");
    if (timeDistributed != null && timeDistributed.getAsBoolean()) {
      out.append("@TimeDistributed ");
    }
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : layer.entrySet()) {
      String name = e.getKey();
      if (NOT_ATTRIBUTES.contains(name)
          || (name.equals("features") || name.equals("timesteps")) && e.getValue().getAsInt() == -1) {
        continue; // -1: not written
      }
      String value = e.getValue().getAsString();
      if (name.equals("padding")) {
        value = "Padding." + value;
      } else if (name.equals("value")) {
        value = '"' + value + '"';
      }
      values.add(name + " = " + value);
    }
    return out.append('@').append(layer.get("type").getAsString())
        .append('(').append(String.join(", ", values)).append(')').toString();
  }

  @TestFactory
  Stream<DynamicContainer> validModelsCountExactlyAsTheReference() {
    List<JsonObject> models = models(true);
    assertThat(models.size()).isAtLeast(300);
    List<JavaFileObject> sources = models.stream().map(LayersCorpusTest::source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      assertWithMessage("%s", TestCompiler.describe(c.diagnostics())).that(TestCompiler.paramcheckWarnings(c)).isEmpty();
      return models.stream().map(model -> dynamicTest(id(model), () -> {
        String summary = className(model) + "Summary";
        Map<String, Long> constants = Compiled.constants(c, summary);
        assertCounts(model, constants);
        String table = Compiled.table(c, summary);
        JsonArray shapes = model.getAsJsonArray("outputShapes");
        for (int i = 0; i < shapes.size(); i++) {
          assertWithMessage("table of %s:%n%s", id(model), table)
              .that(CorpusTest.rowOf(table, "layer" + i))
              .contains(shapes.get(i).getAsString());
        }
      }));
    });
  }

  /** Each layer's count, each weight, and the totals are exactly the reference's. */
  static void assertCounts(JsonObject model, Map<String, Long> constants) {
    JsonArray params = model.getAsJsonArray("layerParams");
    JsonArray weights = model.getAsJsonArray("weights");
    for (int i = 0; i < params.size(); i++) {
      String prefix = Names.upperSnake("layer" + i) + "_";
      assertWithMessage("layer%s of %s", i, id(model))
          .that(constants.get(prefix + "PARAMS"))
          .isEqualTo(params.get(i).getAsLong());
      // the reference lists the weights a layer has, in Keras's order; paramcheck's breakdown has a
      // constant for every weight the kind can have, 0 where the flags leave it out
      List<String> expected = new ArrayList<>();
      for (JsonElement w : weights.get(i).getAsJsonArray()) {
        JsonObject weight = w.getAsJsonObject();
        expected.add(weight.get("name").getAsString().toUpperCase(Locale.ROOT) + "=" + weight.get("count").getAsLong());
      }
      List<String> actual = new ArrayList<>();
      for (Map.Entry<String, Long> e : constants.entrySet()) {
        String key = e.getKey();
        if (key.startsWith(prefix) && !key.equals(prefix + "PARAMS") && key.endsWith("_PARAMS") && e.getValue() > 0) {
          String weight = key.substring(prefix.length(), key.length() - "_PARAMS".length());
          actual.add(weight.replaceFirst("^(FORWARD|BACKWARD)_", "") + "=" + e.getValue());
        }
      }
      assertWithMessage("weights of layer%s of %s", i, id(model)).that(actual).containsExactlyElementsIn(expected).inOrder();
    }
    assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(model.get("totalParams").getAsLong());
    assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(model.get("trainableParams").getAsLong());
    assertThat(constants.get("NON_TRAINABLE_PARAMS")).isEqualTo(model.get("nonTrainableParams").getAsLong());
  }

  @TestFactory
  Stream<DynamicContainer> rejectedModelsFailInTheirOwnFileOnTheRejectedLayer() {
    List<JsonObject> models = models(false);
    assertThat(models.size()).isAtLeast(33);
    return CorpusTest.refused(models, LayersCorpusTest::source,
        m -> PARAMCHECK_DECIDES.containsKey(id(m)) ? PARAMCHECK_DECIDES.get(id(m)) : m.get("rejectedLayer").getAsLong(),
        true, (m, text) -> {});
  }
}
