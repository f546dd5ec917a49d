package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.util.ArrayList;
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
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  static String className(JsonObject model) {
    return "maskedattention." + model.get("className").getAsString();
  }

  /** Whether a row is an operation Keras adds for a mask (a layer of the model is never one of these classes with no field). */
  private static boolean maskOp(JsonObject model, JsonObject row) {
    String name = row.get("name").getAsString();
    for (JsonElement f : model.getAsJsonArray("fields")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return false;
      }
    }
    return MASK_OPS.contains(row.get("class").getAsString());
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
    return TestCompiler.forEach(compiler -> {
      Compilation narrow = compiler.compile(List.of("-Aparamcheck.tableWidth=76"), sources);
      Compilation wide = compiler.compile(List.of("-Aparamcheck.tableWidth=108"), sources);
      assertWithMessage("%s", TestCompiler.describe(narrow.errors()))
          .that(narrow.status()).isEqualTo(Compilation.Status.SUCCESS);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        String summary = className(model) + "Summary";
        JsonObject expected = model.getAsJsonObject("expected");
        Map<String, Long> constants = Compiled.constants(narrow, summary);
        assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(expected.get("total").getAsLong());
        assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(expected.get("trainable").getAsLong());
        assertThat(constants.get("NON_TRAINABLE_PARAMS")).isEqualTo(expected.get("nonTrainable").getAsLong());
        for (JsonElement r : expected.getAsJsonArray("rows")) {
          JsonObject row = r.getAsJsonObject();
          if (maskOp(model, row) || row.get("class").getAsString().equals("InputLayer")) {
            continue; // no constants: an operation Keras adds has no field, an input no weights
          }
          Long count = constants.get(Names.upperSnake(row.get("name").getAsString()) + "_PARAMS");
          assertWithMessage("%s of %s", row.get("name"), model.get("id")).that(count)
              .isEqualTo(row.get("params").getAsLong());
        }
        assertThat(FunctionalCorpusTest.kerasPart(Compiled.table(narrow, summary)))
            .isEqualTo(expected.get("summary76").getAsString());
        assertThat(FunctionalCorpusTest.kerasPart(Compiled.table(wide, summary)))
            .isEqualTo(expected.get("summary108").getAsString());
      }));
    });
  }
}
