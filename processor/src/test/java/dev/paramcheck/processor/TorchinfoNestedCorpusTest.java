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
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * torchinfo's nested rows for {@code @Block} fields under the PyTorch convention, against torchinfo
 * 1.8.0 itself ({@code corpus/torchinfo-nested.json}, {@code
 * tools/corpus/torchinfo/torchinfo_nested.py}, torch 2.13): random models of blocks nested 2 to 4
 * deep (past torchinfo's {@code depth=3}), blocks used twice and frozen blocks, made of Dense,
 * LSTM/GRU/SimpleRNN, LayerNormalization, Dropout, MultiHeadAttention, TransformerEncoder and an
 * Embedding first; flat models with {@code nn.MultiheadAttention} and {@code
 * nn.TransformerEncoderLayer} rows, some frozen; and {@code nn.TransformerDecoderLayer} on two
 * inputs. Each model is compiled twice, under javac and ecj: with its
 * timesteps declared (a concrete input: torchinfo's table for {@code input_size=(1, T, F)}) and
 * without (its table for {@code summary(model)}), both compared byte for byte, and the counts
 * against torch's.
 */
class TorchinfoNestedCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/torchinfo-nested.json");

  private static List<JsonObject> models() {
    List<JsonObject> out = new ArrayList<>();
    CORPUS.getAsJsonArray("models").forEach(m -> out.add(m.getAsJsonObject()));
    return out;
  }

  /**
   * The model and its blocks in package {@code pkg}; {@code timesteps} false drops them from every
   * input (token ids: {@code shape = {-1}}).
   */
  static List<JavaFileObject> sources(JsonObject model, String pkg, boolean timesteps) {
    List<JavaFileObject> out = new ArrayList<>();
    out.add(source(pkg, model.get("className").getAsString(), model.getAsJsonArray("fields"), timesteps, true));
    for (JsonElement b : model.getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      out.add(source(pkg, block.get("className").getAsString(), block.getAsJsonArray("fields"), timesteps, false));
    }
    return out;
  }

  private static JavaFileObject source(String pkg, String name, JsonArray fields, boolean timesteps, boolean top) {
    List<String> lines = new ArrayList<>();
    lines.add("package " + pkg + ";");
    lines.add("import dev.paramcheck.*;");
    if (top) {
      lines.add("@Convention(Framework.PYTORCH)");
    }
    lines.add("public class " + name + " {");
    for (JsonElement f : fields) {
      JsonObject field = f.getAsJsonObject();
      StringBuilder line = new StringBuilder("  ");
      if (field.has("from")) {
        List<String> from = new ArrayList<>();
        field.getAsJsonArray("from").forEach(v -> from.add('"' + v.getAsString() + '"'));
        line.append("@From({").append(String.join(", ", from)).append("}) ");
      }
      for (JsonElement a : field.getAsJsonArray("annotations")) {
        JsonObject annotation = a.getAsJsonObject();
        String type = annotation.get("type").getAsString();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : annotation.getAsJsonObject("attrs").entrySet()) {
          if (type.equals("Input") && e.getKey().equals("timesteps") && !timesteps) {
            continue;
          }
          String value = switch (e.getKey()) {
            case "value" -> e.getValue().getAsString() + ".class";
            case "shape" -> timesteps ? "{" + e.getValue().getAsJsonArray().get(0) + "}" : "{-1}"; // token ids
            default -> e.getValue().toString();
          };
          values.add(e.getKey() + " = " + value);
        }
        line.append('@').append(type).append(values.isEmpty() ? "" : "(" + String.join(", ", values) + ")").append(' ');
      }
      lines.add(line.append("Object ").append(field.get("name").getAsString()).append(';').toString());
    }
    lines.add("}");
    return Compiled.source(pkg + "." + name, lines.toArray(new String[0]));
  }

  @TestFactory
  Stream<DynamicContainer> tablesAndCountsAreTorchinfos() {
    List<JsonObject> models = models();
    assertThat(models.size()).isAtLeast(50);
    List<JavaFileObject> sources = new ArrayList<>();
    for (JsonObject model : models) {
      sources.addAll(sources(model, "tinfo.with", true));
      sources.addAll(sources(model, "tinfo.without", false));
    }
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        String name = model.get("className").getAsString();
        assertThat(Compiled.table(c, "tinfo.with." + name + "Summary"))
            .isEqualTo(model.get("summaryWithInput").getAsString());
        assertThat(Compiled.table(c, "tinfo.without." + name + "Summary")).isEqualTo(model.get("summary").getAsString());
        Map<String, Long> constants = Compiled.constants(c, "tinfo.with." + name + "Summary");
        assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(model.get("totalParams").getAsLong());
        assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(model.get("trainableParams").getAsLong());
        for (Map.Entry<String, JsonElement> field : model.getAsJsonObject("fieldParams").entrySet()) {
          assertWithMessage("%s of %s", field.getKey(), name)
              .that(constants.get(Names.upperSnake(field.getKey()) + "_PARAMS")).isEqualTo(field.getValue().getAsLong());
        }
      }));
    });
  }
}
