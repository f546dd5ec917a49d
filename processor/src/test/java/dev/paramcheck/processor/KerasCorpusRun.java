package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import dev.paramcheck.model.Names;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;

/**
 * What every corpus of Keras functional models checks of the models Keras built (functional,
 * attention, masked attention, blocks): all compiled together at Keras's two widths, 76 and 108,
 * under javac and ecj, then per model the three totals, each layer's count, and both {@code
 * summary()} texts byte for byte. A corpus adds its own checks per model.
 *
 * @param className a model's binary class name (its summary is {@code className + "Summary"})
 * @param fieldRow the Keras rows (of a model) that must have a {@code <NAME>_PARAMS} constant; any other row's
 *     count is compared where paramcheck has a constant for it (operations and inputs have none)
 * @param tableChecked whether a model's tables are compared
 */
record KerasCorpusRun(Function<JsonObject, String> className, BiPredicate<JsonObject, JsonObject> fieldRow,
    Predicate<JsonObject> tableChecked) {

  /** A corpus's own checks of one model. */
  interface Extra {
    void check(JsonObject model, Compilation narrow, Map<String, Long> constants) throws Exception;

    Extra NONE = (model, narrow, constants) -> {};
  }

  Stream<DynamicContainer> valid(List<JsonObject> models, List<JavaFileObject> sources, Extra extra) {
    return TestCompiler.forEach(compiler -> {
      Compilation narrow = compiler.compile(List.of("-Aparamcheck.tableWidth=76"), sources);
      Compilation wide = compiler.compile(List.of("-Aparamcheck.tableWidth=108"), sources);
      assertWithMessage("%s", TestCompiler.describe(narrow.errors()))
          .that(narrow.status()).isEqualTo(Compilation.Status.SUCCESS);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        String summary = className.apply(model) + "Summary";
        JsonObject expected = model.getAsJsonObject("expected");
        Map<String, Long> constants = Compiled.constants(narrow, summary);
        assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(expected.get("total").getAsLong());
        assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(expected.get("trainable").getAsLong());
        assertThat(constants.get("NON_TRAINABLE_PARAMS")).isEqualTo(expected.get("nonTrainable").getAsLong());
        for (JsonElement r : expected.getAsJsonArray("rows")) {
          JsonObject row = r.getAsJsonObject();
          Long count = constants.get(Names.upperSnake(row.get("name").getAsString()) + "_PARAMS");
          if (count != null || fieldRow.test(model, row)) {
            assertWithMessage("%s of %s", row.get("name"), model.get("id")).that(count)
                .isEqualTo(row.get("params").getAsLong());
          }
        }
        extra.check(model, narrow, constants);
        if (tableChecked.test(model)) {
          assertThat(FunctionalCorpusTest.kerasPart(Compiled.table(narrow, summary)))
              .isEqualTo(expected.get("summary76").getAsString());
          assertThat(FunctionalCorpusTest.kerasPart(Compiled.table(wide, summary)))
              .isEqualTo(expected.get("summary108").getAsString());
        }
      }));
    });
  }

  /** A row of a layer Keras built from a field, not an {@code InputLayer}. */
  static boolean notInput(JsonObject model, JsonObject row) {
    return !row.get("class").getAsString().equals("InputLayer");
  }
}
