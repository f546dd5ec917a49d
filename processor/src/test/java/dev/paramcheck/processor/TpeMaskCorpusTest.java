package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tpe-mask corpus ({@code tools/corpus/attention/keras_masked_attention.py --tpe}): the
 * masked-attention draw with every token-id source a keras_hub {@code TokenAndPositionEmbedding}
 * (keras_hub_layers.py's transcription, its {@code compute_mask} included), {@code mask_zero=True}
 * where the Embedding had it, measured by Keras 3.15.1. keras_hub's {@code compute_mask} returns the
 * token embedding's, and Keras 3.15.1's {@code ReversibleEmbedding.compute_mask} returns {@code
 * None}: Keras adds no {@code not_equal} row for it and hands no mask on. Each model is declared as
 * a user writes it ({@code maskZero = true}) and compiled under javac and ecj: Keras's counts,
 * totals and {@code summary()} text byte for byte at 76 and 108 characters, the rows Keras adds for
 * the other sources' masks ({@code Masking}) included.
 */
class TpeMaskCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/tpe-mask.json");

  static List<JsonObject> models() {
    return CorpusTest.entries(CORPUS, "models");
  }

  static String className(JsonObject model) {
    return "tpemask." + model.get("className").getAsString();
  }

  /**
   * The token ids of the fields declared {@code @TokenAndPositionEmbedding(maskZero = true)}: the
   * tensor an {@code Embedding}'s {@code not_equal} row would be connected to.
   */
  private static List<String> maskedTpe(JsonObject model) {
    List<String> out = new ArrayList<>();
    String previous = null;
    for (JsonElement e : model.getAsJsonArray("fields")) {
      JsonObject f = e.getAsJsonObject();
      for (JsonElement a : f.getAsJsonArray("annotations")) {
        JsonObject ann = a.getAsJsonObject();
        if (ann.get("type").getAsString().equals("TokenAndPositionEmbedding")
            && ann.getAsJsonObject("attrs").has("maskZero")
            && ann.getAsJsonObject("attrs").get("maskZero").getAsBoolean()) {
          out.add(f.has("from") ? f.getAsJsonArray("from").get(0).getAsString() : previous);
        }
      }
      previous = f.get("name").getAsString();
    }
    return out;
  }

  /**
   * The corpus holds what it claims: most models declare {@code maskZero = true} on a
   * TokenAndPositionEmbedding feeding attention, keras_hub layers and merges, and Keras made no
   * {@code not_equal} row on their token ids (the {@code not_equal} rows are {@code Masking}'s).
   */
  @Test
  void maskZeroTokenAndPositionEmbeddingsAreCoveredAndMakeNoKerasRow() {
    List<JsonObject> models = models();
    assertThat(models.size()).isAtLeast(60);
    long withMaskZero = models.stream().filter(m -> !maskedTpe(m).isEmpty()).count();
    assertThat(withMaskZero).isAtLeast(40L);
    List<String> kinds = models.stream().filter(m -> !maskedTpe(m).isEmpty())
        .map(m -> m.get("kind").getAsString().replaceAll("-.*", "")).distinct().sorted().toList();
    assertThat(kinds).containsAtLeast("additive", "attention", "cross", "hub", "merge", "self");
    long notEqual = 0;
    for (JsonObject model : models) {
      List<String> ids = maskedTpe(model);
      for (JsonElement r : model.getAsJsonObject("expected").getAsJsonArray("rows")) {
        JsonObject row = r.getAsJsonObject();
        if (row.get("class").getAsString().equals("NotEqual")) {
          notEqual++;
          for (String name : ids) {
            assertThat(row.get("connectedTo").getAsString()).doesNotContain(name + "[");
          }
        }
      }
    }
    assertThat(notEqual).isAtLeast(5L); // Masking's, so the check above can fail
  }

  @TestFactory
  Stream<DynamicContainer> modelsMatchKerasCountsAndTables() {
    List<JsonObject> models = models();
    List<JavaFileObject> sources = models.stream()
        .map(m -> FunctionalCorpusTest.source(m, className(m)))
        .toList();
    // an operation Keras adds has no field, an input no weights: every other row has a constant
    return new KerasCorpusRun(TpeMaskCorpusTest::className,
        (model, row) -> CorpusTest.hasField(model, row.get("name").getAsString()) && KerasCorpusRun.notInput(model, row),
        m -> true).valid(models, sources, KerasCorpusRun.Extra.NONE);
  }
}
