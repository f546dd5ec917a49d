package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The masked-attention corpus ({@code tools/corpus/attention/keras_masked_attention.py}): functional
 * models measured by Keras 3.15.1 in which masks from {@code Embedding(mask_zero=True)} and {@code
 * Masking} reach {@code MultiHeadAttention}, {@code Attention}, {@code AdditiveAttention}, keras_hub's
 * {@code TransformerEncoder} and {@code TransformerDecoder} (as transcribed in keras_hub_layers.py),
 * and merges of masked tensors, followed by layers that take the mask or hand it on. Each model is
 * declared as a user writes it and compiled under javac and ecj: Keras's count for every layer and
 * its totals, and the {@code summary()} text byte for byte at 76 and 108 characters, with the rows
 * of the operations Keras adds for masks ({@code NotEqual}, {@code Any}, {@code LogicalOr}, {@code
 * ConvertToTensor}, {@code ExpandDims}, {@code ZerosLike}, {@code OnesLike}, {@code Concatenate})
 * and the masks Keras lists in "Connected to".
 */
class MaskedAttentionCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/masked-attention.json");

  /** The classes of the operations Keras adds for masks. */
  private static final Set<String> MASK_OPS = Set.of(
      "NotEqual", "Any", "LogicalOr", "ConvertToTensor", "ExpandDims", "ZerosLike", "OnesLike", "Concatenate");

  static List<JsonObject> models() {
    return CorpusTest.entries(CORPUS, "models");
  }

  static String className(JsonObject model) {
    return "maskedattention." + model.get("className").getAsString();
  }

  /** Whether a row is an operation Keras adds for a mask (a layer of the model is never one of these classes with no field). */
  private static boolean maskOp(JsonObject model, JsonObject row) {
    return !CorpusTest.hasField(model, row.get("name").getAsString())
        && MASK_OPS.contains(row.get("class").getAsString());
  }

  /** The corpus holds what it claims: masked attention inputs, and every mask operation. */
  @Test
  void corpusCoversMaskedAttentionAndEveryMaskOperation() {
    List<JsonObject> models = models();
    assertThat(models.size()).isAtLeast(330);
    long masked = models.stream().filter(m -> m.get("maskReachesAttention").getAsBoolean()).count();
    assertThat(masked).isAtLeast(250L);
    Map<String, Long> ops = new java.util.TreeMap<>();
    for (JsonObject model : models) {
      for (JsonElement r : model.getAsJsonObject("expected").getAsJsonArray("rows")) {
        if (maskOp(model, r.getAsJsonObject())) {
          ops.merge(r.getAsJsonObject().get("class").getAsString(), 1L, Long::sum);
        }
      }
    }
    assertThat(ops.keySet()).containsExactlyElementsIn(MASK_OPS);
  }

  @TestFactory
  Stream<DynamicContainer> modelsMatchKerasCountsAndTables() {
    List<JsonObject> models = models();
    List<JavaFileObject> sources = models.stream()
        .map(m -> FunctionalCorpusTest.source(m, className(m)))
        .toList();
    // an operation Keras adds has no field, an input no weights: every other row has a constant
    return new KerasCorpusRun(MaskedAttentionCorpusTest::className,
        (model, row) -> !maskOp(model, row) && KerasCorpusRun.notInput(model, row), m -> true).valid(models, sources, KerasCorpusRun.Extra.NONE);
  }
}
