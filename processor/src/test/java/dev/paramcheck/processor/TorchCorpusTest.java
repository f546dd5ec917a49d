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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PyTorch convention against {@code torch.nn} itself ({@code tools/corpus/torch_models.py}):
 * every model of both corpora that PyTorch can express, built as {@code torch.nn} modules and
 * counted with {@code sum(p.numel())} per module and per named parameter, and every one it cannot
 * express refused with the reason, on the line of the layer at fault. Compiled with {@code
 * -Aparamcheck.convention=pytorch}.
 */
class TorchCorpusTest {
  private static final JsonObject TORCH = CorpusTest.load("/corpus/torch.json");
  private static final List<String> PYTORCH = List.of("-Aparamcheck.convention=pytorch", "-Xmaxerrs", "100000");

  /** Each corpus's models by id, to build their sources. */
  private static final Map<String, JsonObject> MODELS = new HashMap<>();

  static {
    for (JsonObject corpus : List.of(CorpusTest.load("/corpus/corpus.json"), LayersCorpusTest.CORPUS)) {
      for (JsonElement m : corpus.getAsJsonArray("models")) {
        MODELS.put(m.getAsJsonObject().get("id").getAsString(), m.getAsJsonObject());
      }
    }
  }

  private static List<JsonObject> entries(boolean expressible) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : TORCH.getAsJsonArray("models")) {
      JsonObject entry = e.getAsJsonObject();
      String id = entry.get("id").getAsString();
      if (entry.get("expressible").getAsBoolean() == expressible
          && !LayersCorpusTest.PARAMCHECK_DECIDES.containsKey(id)) {
        out.add(entry);
      }
    }
    return out;
  }

  /** The model's source: its corpus's layer list, or the entry's own for the torch-only models. */
  private static JavaFileObject source(JsonObject entry) {
    String id = entry.get("id").getAsString();
    if (entry.get("corpus").getAsString().equals("corpus.json")) {
      return CorpusTest.source(MODELS.get(id));
    }
    return LayersCorpusTest.source(entry.get("corpus").getAsString().equals("layers.json") ? MODELS.get(id) : entry);
  }

  private static String summaryName(JsonObject entry) {
    String id = entry.get("id").getAsString();
    return (entry.get("corpus").getAsString().equals("corpus.json")
        ? CorpusTest.className(MODELS.get(id))
        : LayersCorpusTest.className(entry.get("corpus").getAsString().equals("layers.json") ? MODELS.get(id) : entry))
        + "Summary";
  }

  @TestFactory
  Stream<DynamicTest> expressibleModelsCountAsTorchNn() {
    List<JsonObject> entries = entries(true);
    assertThat(entries.size()).isAtLeast(400);
    Compilation c = Compiled.compile(PYTORCH, entries.stream().map(TorchCorpusTest::source).toArray(JavaFileObject[]::new));
    assertWithMessage("%s", c.errors()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    return entries.stream().map(entry -> dynamicTest(entry.get("id").getAsString(), () -> {
      Map<String, Long> constants = Compiled.constants(c, summaryName(entry));
      JsonArray params = entry.getAsJsonArray("layerParams");
      JsonArray named = entry.getAsJsonArray("parameters");
      for (int i = 0; i < params.size(); i++) {
        String prefix = Names.upperSnake("layer" + i) + "_";
        assertWithMessage("layer%s of %s", i, entry.get("id"))
            .that(constants.get(prefix + "PARAMS")).isEqualTo(params.get(i).getAsLong());
        List<String> expected = new ArrayList<>();
        for (JsonElement p : named.get(i).getAsJsonArray()) {
          JsonObject parameter = p.getAsJsonObject();
          expected.add(parameter.get("name").getAsString().toUpperCase(Locale.ROOT) + "=" + parameter.get("count").getAsLong());
        }
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, Long> e : constants.entrySet()) {
          String key = e.getKey();
          if (key.startsWith(prefix) && key.endsWith("_PARAMS") && !key.equals(prefix + "PARAMS") && e.getValue() > 0) {
            actual.add(key.substring(prefix.length(), key.length() - "_PARAMS".length()) + "=" + e.getValue());
          }
        }
        assertWithMessage("named parameters of layer%s of %s", i, entry.get("id"))
            .that(actual).containsExactlyElementsIn(expected).inOrder();
      }
      assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(entry.get("totalParams").getAsLong());
      assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(entry.get("trainableParams").getAsLong());
    }));
  }

  @TestFactory
  Stream<DynamicTest> inexpressibleModelsAreRefusedWithTheReason() {
    List<JsonObject> entries = entries(false);
    assertThat(entries.size()).isAtLeast(150);
    List<JavaFileObject> sources = entries.stream().map(TorchCorpusTest::source).toList();
    Compilation c = Compiled.compile(PYTORCH, sources.toArray(new JavaFileObject[0]));
    return entries.stream().map(entry -> dynamicTest(entry.get("id").getAsString(), () -> {
      String file = summaryName(entry).replace("Summary", "").replace('.', '/') + ".java";
      List<Diagnostic<? extends JavaFileObject>> errors = c.errors().stream()
          .filter(d -> d.getSource() != null && d.getSource().toUri().getPath().endsWith(file))
          .toList();
      assertWithMessage("errors for %s", entry.get("id")).that(errors).isNotEmpty();
      String message = errors.get(0).getMessage(Locale.ROOT);
      assertThat(message).startsWith("[paramcheck:not-in-pytorch]");
      // torch_models.py's reason names the option: resetAfter, the merge mode, center and scale
      String reason = entry.get("reason").getAsString();
      String option = reason.contains("resetAfter") ? "resetAfter = false"
          : reason.contains("center") ? "with scale" : "@Bidirectional(merge = ";
      assertThat(message).contains(option);
      long line = 4 + entry.get("layer").getAsLong(); // package, import, class, fields
      assertWithMessage("%s: %s", entry.get("id"), message).that(errors.get(0).getLineNumber()).isEqualTo(line);
    }));
  }
}
