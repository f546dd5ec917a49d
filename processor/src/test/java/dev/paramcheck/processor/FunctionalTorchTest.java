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
 * The PyTorch convention for functional models, against {@code torch.nn} itself
 * ({@code tools/corpus/functional/torch_functional.py}): each model of the functional corpus built
 * as {@code torch.nn} modules by torch 2.13, every module's named parameters counted; merges,
 * reshapes, functions and inputs have no module. Models PyTorch cannot express are refused with
 * {@code not-in-pytorch} on the field at fault. Compiled with {@code -Aparamcheck.convention=pytorch}.
 */
class FunctionalTorchTest {
  private static final JsonObject TORCH = CorpusTest.load("/corpus/functional-torch.json");
  private static final List<String> PYTORCH = List.of("-Aparamcheck.convention=pytorch", "-Xmaxerrs", "100000");
  private static final Map<String, JsonObject> MODELS = new HashMap<>();

  static {
    for (JsonElement m : FunctionalCorpusTest.CORPUS.getAsJsonArray("models")) {
      MODELS.put(m.getAsJsonObject().get("id").getAsString(), m.getAsJsonObject());
    }
  }

  private static List<JsonObject> entries(boolean expressible) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : TORCH.getAsJsonArray("models")) {
      JsonObject entry = e.getAsJsonObject();
      JsonObject model = MODELS.get(entry.get("id").getAsString());
      if (entry.get("expressible").getAsBoolean() == expressible && FunctionalCorpusTest.valid(model)) {
        out.add(entry);
      }
    }
    return out;
  }

  private static JsonObject model(JsonObject entry) {
    return MODELS.get(entry.get("id").getAsString());
  }

  @TestFactory
  Stream<DynamicTest> expressibleModelsCountAsTorchNn() {
    List<JsonObject> entries = entries(true);
    assertThat(entries.size()).isAtLeast(300);
    Compilation c = Compiled.compile(PYTORCH, entries.stream()
        .map(e -> FunctionalCorpusTest.source(model(e))).toArray(JavaFileObject[]::new));
    assertWithMessage("%s", c.errors()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    return entries.stream().map(entry -> dynamicTest(entry.get("id").getAsString(), () -> {
      Map<String, Long> constants = Compiled.constants(c, FunctionalCorpusTest.className(model(entry)) + "Summary");
      for (JsonElement f : entry.getAsJsonArray("fields")) {
        JsonObject field = f.getAsJsonObject();
        String prefix = Names.upperSnake(field.get("name").getAsString()) + "_";
        assertWithMessage("%s of %s", field.get("name"), entry.get("id"))
            .that(constants.get(prefix + "PARAMS")).isEqualTo(field.get("params").getAsLong());
        List<String> expected = new ArrayList<>();
        for (JsonElement p : field.getAsJsonArray("parameters")) {
          JsonObject parameter = p.getAsJsonObject();
          expected.add(parameter.get("name").getAsString().toUpperCase(Locale.ROOT) + "=" + parameter.get("count").getAsLong());
        }
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, Long> e : constants.entrySet()) {
          String key = e.getKey();
          if (key.startsWith(prefix) && key.endsWith("_PARAMS") && !key.equals(prefix + "PARAMS") && e.getValue() > 0
              && !key.substring(prefix.length()).contains("_PARAMS_")) {
            actual.add(key.substring(prefix.length(), key.length() - "_PARAMS".length()) + "=" + e.getValue());
          }
        }
        assertWithMessage("named parameters of %s of %s", field.get("name"), entry.get("id"))
            .that(actual).containsExactlyElementsIn(expected).inOrder();
      }
      assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(entry.get("totalParams").getAsLong());
      assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(entry.get("trainableParams").getAsLong());
    }));
  }

  @TestFactory
  Stream<DynamicTest> inexpressibleModelsAreRefusedOnTheField() {
    List<JsonObject> entries = entries(false);
    assertThat(entries.size()).isAtLeast(20);
    List<JavaFileObject> sources = entries.stream().map(e -> FunctionalCorpusTest.source(model(e))).toList();
    Compilation c = Compiled.compile(PYTORCH, sources.toArray(new JavaFileObject[0]));
    return entries.stream().map(entry -> dynamicTest(entry.get("id").getAsString(), () -> {
      String file = FunctionalCorpusTest.className(model(entry)).replace('.', '/') + ".java";
      List<Diagnostic<? extends JavaFileObject>> errors = c.errors().stream()
          .filter(d -> d.getSource() != null && d.getSource().toUri().getPath().endsWith(file))
          .toList();
      assertWithMessage("errors for %s", entry.get("id")).that(errors).isNotEmpty();
      assertThat(errors.get(0).getMessage(Locale.ROOT)).startsWith("[paramcheck:not-in-pytorch]");
      JsonArray fields = model(entry).getAsJsonArray("fields");
      int at = -1;
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).getAsJsonObject().get("name").getAsString().equals(entry.get("field").getAsString())) {
          at = i;
        }
      }
      assertWithMessage("%s: %s", entry.get("id"), errors.get(0).getMessage(Locale.ROOT))
          .that(errors.get(0).getLineNumber()).isEqualTo(4L + at);
    }));
  }
}
