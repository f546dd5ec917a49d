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
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The PyTorch convention for attention ({@code corpus/torch-attention.json}: {@code
 * nn.MultiheadAttention}, {@code nn.TransformerEncoderLayer} and {@code nn.TransformerDecoderLayer}
 * configurations measured by torch 2.13). Each config the annotations can express is declared as a
 * user would (a {@code @MultiHeadAttention} with {@code numHeads * keyDim} the query's width, a
 * {@code @TransformerEncoder}, a {@code @TransformerDecoder} on a memory) under {@code
 * @Convention(Framework.PYTORCH)}: the layer's count and every parameter with torch's name and
 * shape, in {@code named_parameters()} order; an {@code nn.MultiheadAttention}'s MACs against
 * {@code FlopCounterMode}'s recorded FLOPs. Not expressible, and skipped: {@code add_bias_kv}
 * (no Keras equivalent) and {@code bias=False} on the Transformer layers (keras_hub's have no
 * such option).
 */
class TorchAttentionCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/torch-attention.json");

  static boolean expressible(JsonObject config) {
    JsonObject args = config.getAsJsonObject("args");
    if (config.has("refused") || args.has("add_bias_kv") && args.get("add_bias_kv").getAsBoolean()) {
      return false;
    }
    return config.get("module").getAsString().equals("nn.MultiheadAttention")
        || !args.has("bias") || args.get("bias").getAsBoolean();
  }

  static String className(JsonObject config) {
    return "torchattn." + config.get("id").getAsString().toUpperCase(Locale.ROOT);
  }

  private static int arg(JsonObject args, String name, int otherwise) {
    return args.has(name) ? args.get(name).getAsInt() : otherwise;
  }

  static JavaFileObject source(JsonObject config) {
    JsonObject args = config.getAsJsonObject("args");
    JsonObject input = config.getAsJsonObject("input");
    int l = input.get("queryLength").getAsInt();
    List<String> lines = new ArrayList<>();
    lines.add("package torchattn;");
    lines.add("import dev.paramcheck.*;");
    lines.add("@Convention(Framework.PYTORCH)");
    lines.add("public class " + config.get("id").getAsString().toUpperCase(Locale.ROOT) + " {");
    switch (config.get("module").getAsString()) {
      case "nn.MultiheadAttention" -> {
        int e = args.get("embed_dim").getAsInt();
        int h = args.get("num_heads").getAsInt();
        int s = input.get("keyLength").getAsInt();
        boolean bias = !args.has("bias") || args.get("bias").getAsBoolean();
        lines.add("  @Input(shape = {" + l + ", " + e + "}) Object query;");
        lines.add("  @Input(shape = {" + s + ", " + arg(args, "vdim", e) + "}) Object value;");
        lines.add("  @Input(shape = {" + s + ", " + arg(args, "kdim", e) + "}) Object key;");
        lines.add("  @From({\"query\", \"value\", \"key\"}) @MultiHeadAttention(numHeads = " + h + ", keyDim = "
            + e / h + ", useBias = " + bias + ") Object layer;");
      }
      case "nn.TransformerEncoderLayer" -> {
        lines.add("  @Input(shape = {" + l + ", " + args.get("d_model").getAsInt() + "}) Object x;");
        lines.add("  @TransformerEncoder(intermediateDim = " + arg(args, "dim_feedforward", 2048) + ", numHeads = "
            + args.get("nhead").getAsInt() + ") Object layer;");
      }
      default -> {
        int d = args.get("d_model").getAsInt();
        lines.add("  @Input(shape = {" + l + ", " + d + "}) Object x;");
        lines.add("  @Input(shape = {" + input.get("keyLength").getAsInt() + ", " + d + "}) Object memory;");
        lines.add("  @From({\"x\", \"memory\"}) @TransformerDecoder(intermediateDim = " + arg(args, "dim_feedforward", 2048)
            + ", numHeads = " + args.get("nhead").getAsInt() + ") Object layer;");
      }
    }
    lines.add("}");
    return Compiled.source(className(config), lines.toArray(new String[0]));
  }

  @TestFactory
  Stream<DynamicContainer> torchCountsAndNames() {
    List<JsonObject> configs = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("configs")) {
      if (expressible(e.getAsJsonObject())) {
        configs.add(e.getAsJsonObject());
      }
    }
    assertThat(configs.size()).isAtLeast(240);
    List<JavaFileObject> sources = configs.stream().map(TorchAttentionCorpusTest::source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      return configs.stream().map(config -> dynamicTest(config.get("id").getAsString(), () -> {
        Map<String, Long> constants = Compiled.constants(c, className(config) + "Summary");
        assertThat(constants.get("LAYER_PARAMS")).isEqualTo(config.get("total").getAsLong());
        List<String> expected = new ArrayList<>();
        for (JsonElement p : config.getAsJsonArray("parameters")) {
          JsonObject parameter = p.getAsJsonObject();
          expected.add(parameter.get("name").getAsString().replace('.', '_').toUpperCase(Locale.ROOT) + " "
              + parameter.get("shape"));
        }
        assertThat(weights(c, className(config))).isEqualTo(expected);
        JsonObject args = config.getAsJsonObject("args");
        if (config.get("module").getAsString().equals("nn.MultiheadAttention")
            && !(args.has("add_zero_attn") && args.get("add_zero_attn").getAsBoolean())) {
          // FlopCounterMode counts 2 FLOPs per multiply-add of mm/addmm/bmm and no bias add:
          // paramcheck's MACs are its half plus the biases at their positions (docs/costs.md)
          long e = args.get("embed_dim").getAsLong();
          long l = config.getAsJsonObject("input").get("queryLength").getAsLong();
          long src = config.getAsJsonObject("input").get("keyLength").getAsLong();
          boolean bias = !args.has("bias") || args.get("bias").getAsBoolean();
          long flops = config.getAsJsonObject("flops").get("total").getAsLong();
          assertThat(constants.get("LAYER_MACS")).isEqualTo(flops / 2 + (bias ? 2 * e * l + 2 * e * src : 0));
        }
      }));
    });
  }

  private static List<String> weights(Compilation c, String className) {
    JavaFileObject file = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/" + className + ".json")
        .orElseThrow();
    try {
      JsonObject record = JsonParser.parseString(file.getCharContent(true).toString()).getAsJsonObject();
      for (JsonElement l : record.getAsJsonArray("layers")) {
        JsonObject layer = l.getAsJsonObject();
        if (layer.get("name").getAsString().equals("layer")) {
          List<String> out = new ArrayList<>();
          for (JsonElement w : layer.getAsJsonArray("weights")) {
            JsonObject weight = w.getAsJsonObject();
            if (weight.has("shape")) {
              out.add(weight.get("key").getAsString() + " " + weight.get("shape"));
            }
          }
          return out;
        }
      }
      throw new AssertionError("no layer in " + className);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
