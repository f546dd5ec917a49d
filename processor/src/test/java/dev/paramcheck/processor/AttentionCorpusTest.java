package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The attention corpus ({@code tools/corpus/attention/keras_attention.py}): 330 functional models
 * with {@code MultiHeadAttention}, {@code Attention} and {@code AdditiveAttention} measured by Keras
 * 3.15.1. Each is declared as a user writes it and compiled under javac and ecj: valid models give
 * Keras's count for every layer and its totals, every attention weight with Keras's name (as the
 * constant's key) and shape in Keras's order, and the {@code summary()} text byte for byte at 76
 * and 108 characters; refused ones an error on the field Keras refused.
 *
 * <p>paramcheck decides one group: an {@code Attention} or {@code AdditiveAttention} whose query and
 * key widths differ. Keras builds it and prints its summary, and the model fails when it is called
 * ({@code callRefused} in the corpus); paramcheck refuses it on the attention field
 * (docs/decisions.md). {@code MultiHeadAttention} models with a {@code callRefused} are a Keras JAX
 * bug that leaves the weights and summary alone (tools/corpus/README.md): they are valid.
 */
class AttentionCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/attention.json");

  private static final Set<String> ATTENTION = Set.of("MultiHeadAttention", "Attention", "AdditiveAttention");

  /** Whether paramcheck refuses a model Keras builds: attention over different widths that fails when called. */
  static boolean paramcheckRefuses(JsonObject model) {
    return model.has("callRefused") && !model.getAsJsonArray("fields").toString().contains("\"MultiHeadAttention\"");
  }

  static List<JsonObject> models(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      JsonObject model = e.getAsJsonObject();
      if ((model.has("expected") && !paramcheckRefuses(model)) == valid) {
        out.add(model);
      }
    }
    return out;
  }

  static String className(JsonObject model) {
    return "attention." + model.get("className").getAsString();
  }

  static JavaFileObject source(JsonObject model) {
    return FunctionalCorpusTest.source(model, className(model));
  }

  private static JsonObject record(Compilation c, String className) {
    JavaFileObject file = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/" + className + ".json")
        .orElseThrow();
    try {
      return JsonParser.parseString(file.getCharContent(true).toString()).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicContainer> validModelsMatchKerasWeightsAndTables() {
    List<JsonObject> models = models(true);
    assertThat(models.size()).isAtLeast(270);
    List<JavaFileObject> sources = models.stream().map(AttentionCorpusTest::source).toList();
    return new KerasCorpusRun(AttentionCorpusTest::className, (model, row) -> false, m -> true)
        .valid(models, sources, AttentionCorpusTest::attentionWeightsAreKeras);
  }

  /** Every attention weight with Keras's name (as the constant's key) and shape, in Keras's order. */
  private static void attentionWeightsAreKeras(JsonObject model, Compilation narrow, Map<String, Long> constants) {
    JsonObject record = record(narrow, className(model));
    for (JsonElement r : model.getAsJsonObject("expected").getAsJsonArray("rows")) {
      JsonObject row = r.getAsJsonObject();
      if (!ATTENTION.contains(row.get("class").getAsString())) {
        continue;
      }
      String prefix = Names.upperSnake(row.get("name").getAsString());
      assertThat(weights(record, row.get("name").getAsString())).isEqualTo(kerasWeights(row));
      for (String key : List.of("QUERY_KERNEL", "QUERY_BIAS", "KEY_KERNEL", "KEY_BIAS", "VALUE_KERNEL",
          "VALUE_BIAS", "ATTENTION_OUTPUT_KERNEL", "ATTENTION_OUTPUT_BIAS", "SCALE", "CONCAT_SCORE_WEIGHT")) {
        Long weight = constants.get(prefix + "_" + key + "_PARAMS");
        if (weight != null) {
          assertWithMessage("%s_%s of %s", prefix, key, model.get("id")).that(weight)
              .isEqualTo(kerasCount(row, key));
        }
      }
    }
  }

  /** Keras's weights of a row: {@code QUERY_KERNEL [7, 2, 8]}, in {@code layer.weights} order. */
  private static List<String> kerasWeights(JsonObject row) {
    List<String> out = new ArrayList<>();
    if (!row.has("weights")) {
      return out;
    }
    for (JsonElement w : row.getAsJsonArray("weights")) {
      JsonObject weight = w.getAsJsonObject();
      out.add(weight.get("name").getAsString().replace('/', '_').toUpperCase(Locale.ROOT) + " " + weight.get("shape"));
    }
    return out;
  }

  /** The size of the Keras weight with this key, 0 if the layer has none. */
  private static long kerasCount(JsonObject row, String key) {
    if (!row.has("weights")) {
      return 0;
    }
    for (JsonElement w : row.getAsJsonArray("weights")) {
      JsonObject weight = w.getAsJsonObject();
      if (weight.get("name").getAsString().replace('/', '_').toUpperCase(Locale.ROOT).equals(key)) {
        long count = 1;
        for (JsonElement d : weight.getAsJsonArray("shape")) {
          count *= d.getAsLong();
        }
        return count;
      }
    }
    return 0;
  }

  /** The record's present weights of a layer, as {@link #kerasWeights} writes them. */
  private static List<String> weights(JsonObject record, String layer) {
    for (JsonElement l : record.getAsJsonArray("layers")) {
      JsonObject entry = l.getAsJsonObject();
      if (entry.get("name").getAsString().equals(layer)) {
        List<String> out = new ArrayList<>();
        for (JsonElement w : entry.getAsJsonArray("weights")) {
          JsonObject weight = w.getAsJsonObject();
          if (weight.has("shape")) {
            out.add(weight.get("key").getAsString() + " " + weight.get("shape"));
          }
        }
        return out;
      }
    }
    throw new AssertionError("no layer " + layer + " in the record");
  }

  @TestFactory
  Stream<DynamicContainer> refusedModelsFailOnTheFieldAtFault() {
    List<JsonObject> models = models(false);
    assertThat(models.size()).isAtLeast(50);
    // errors come in source order: an @Input the refused layer fails to take (its own error,
    // input-unused) may stand before the refused field's error
    return CorpusTest.refused(models, AttentionCorpusTest::source, AttentionCorpusTest::refusedField, false,
        (model, text) -> {
          if (paramcheckRefuses(model)) {
            assertThat(text).contains("Keras builds the layer but the model fails when it runs");
          }
        });
  }

  /** The field Keras refused, or the attention field paramcheck refuses. */
  private static int refusedField(JsonObject model) {
    JsonArray fields = model.getAsJsonArray("fields");
    for (int i = 0; i < fields.size(); i++) {
      JsonObject field = fields.get(i).getAsJsonObject();
      String type = field.getAsJsonArray("annotations").get(0).getAsJsonObject().get("type").getAsString();
      boolean match = paramcheckRefuses(model)
          ? type.equals("Attention") || type.equals("AdditiveAttention")
          : field.get("name").getAsString().equals(model.getAsJsonObject("refused").get("field").getAsString());
      if (match) {
        return i;
      }
    }
    throw new AssertionError("no field at fault in " + model.get("id"));
  }
}
