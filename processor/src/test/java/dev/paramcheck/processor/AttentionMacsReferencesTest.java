package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonObject;
import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * paramcheck's MACs for attention under the PyTorch convention against what torchinfo 1.8.0 and
 * fvcore report for the same {@code torch.nn} module ({@code corpus/attention-macs-refs.json}, both
 * tools rebuilt from their sources and run by {@code tools/corpus/attention/attention_macs_refs.py}).
 * Each configuration is declared as a user would, under {@code @Convention(Framework.PYTORCH)}, and
 * its {@code LAYER_MACS} must relate to each tool's number exactly as docs/costs.md §4 ("Attention")
 * says, term by term; the terms are paramcheck's own weight constants and the recorded shapes.
 */
class AttentionMacsReferencesTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/attention-macs-refs.json");

  static List<JsonObject> configs() {
    return CorpusTest.entries(CORPUS, "configs");
  }

  static String simpleName(JsonObject config) {
    return "Macs" + config.get("id").getAsString().toUpperCase(Locale.ROOT);
  }

  static String className(JsonObject config) {
    return "macsrefs." + simpleName(config);
  }

  private static int arg(JsonObject args, String name, int otherwise) {
    return args.has(name) ? args.get(name).getAsInt() : otherwise;
  }

  private static boolean flag(JsonObject args, String name, boolean otherwise) {
    return args.has(name) ? args.get(name).getAsBoolean() : otherwise;
  }

  private static String module(JsonObject config) {
    return config.get("module").getAsString();
  }

  private static long queryLength(JsonObject config) {
    return config.getAsJsonObject("input").get("queryLength").getAsLong();
  }

  private static long keyLength(JsonObject config) {
    JsonObject input = config.getAsJsonObject("input");
    return input.has("keyLength") ? input.get("keyLength").getAsLong() : queryLength(config);
  }

  /** The model width: {@code embed_dim} or {@code d_model}. */
  private static long width(JsonObject config) {
    JsonObject args = config.getAsJsonObject("args");
    return args.has("embed_dim") ? args.get("embed_dim").getAsLong() : args.get("d_model").getAsLong();
  }

  /** The declaration a user writes for the config's module and inputs. */
  static JavaFileObject source(JsonObject config) {
    JsonObject args = config.getAsJsonObject("args");
    long l = queryLength(config);
    long s = keyLength(config);
    List<String> lines = new ArrayList<>();
    lines.add("package macsrefs;");
    lines.add("import dev.paramcheck.*;");
    lines.add("@Convention(Framework.PYTORCH)");
    lines.add("public class " + simpleName(config) + " {");
    switch (module(config)) {
      case "nn.MultiheadAttention" -> {
        int e = args.get("embed_dim").getAsInt();
        int h = args.get("num_heads").getAsInt();
        String mha = "@MultiHeadAttention(numHeads = " + h + ", keyDim = " + e / h + ", useBias = "
            + flag(args, "bias", true) + ") Object layer;";
        if (config.get("call").getAsString().equals("self")) {
          lines.add("  @Input(shape = {" + l + ", " + e + "}) Object x;");
          lines.add("  @From({\"x\", \"x\"}) " + mha);
        } else {
          lines.add("  @Input(shape = {" + l + ", " + e + "}) Object query;");
          lines.add("  @Input(shape = {" + s + ", " + arg(args, "vdim", e) + "}) Object value;");
          lines.add("  @Input(shape = {" + s + ", " + arg(args, "kdim", e) + "}) Object key;");
          lines.add("  @From({\"query\", \"value\", \"key\"}) " + mha);
        }
      }
      case "nn.TransformerEncoderLayer" -> {
        lines.add("  @Input(shape = {" + l + ", " + args.get("d_model").getAsInt() + "}) Object x;");
        lines.add("  @TransformerEncoder(intermediateDim = " + arg(args, "dim_feedforward", 2048) + ", numHeads = "
            + args.get("nhead").getAsInt() + ", normalizeFirst = " + flag(args, "norm_first", false) + ") Object layer;");
      }
      default -> {
        int d = args.get("d_model").getAsInt();
        lines.add("  @Input(shape = {" + l + ", " + d + "}) Object x;");
        lines.add("  @Input(shape = {" + s + ", " + d + "}) Object memory;");
        lines.add("  @From({\"x\", \"memory\"}) @TransformerDecoder(intermediateDim = " + arg(args, "dim_feedforward", 2048)
            + ", numHeads = " + args.get("nhead").getAsInt() + ", normalizeFirst = " + flag(args, "norm_first", false)
            + ") Object layer;");
      }
    }
    lines.add("}");
    return Compiled.source(className(config), lines.toArray(new String[0]));
  }

  /** The sum of the layer's weight constants whose names pass {@code which} (after {@code LAYER_}). */
  private static long weights(Map<String, Long> constants, Predicate<String> which) {
    long sum = 0;
    for (Map.Entry<String, Long> c : constants.entrySet()) {
      String name = c.getKey();
      if (name.startsWith("LAYER_") && name.endsWith("_PARAMS") && !name.equals("LAYER_PARAMS")
          && which.test(name.substring("LAYER_".length(), name.length() - "_PARAMS".length()))) {
        sum += c.getValue();
      }
    }
    return sum;
  }

  private static boolean attention(String weight) {
    return weight.startsWith("SELF_ATTN_") || weight.startsWith("MULTIHEAD_ATTN_");
  }

  private static boolean linear(String weight) {
    return weight.startsWith("LINEAR");
  }

  private static boolean norm(String weight) {
    return weight.startsWith("NORM");
  }

  /**
   * The two attention products per sample, {@code Tq * Tv * (K + V) * H} with torch's heads splitting
   * the width: {@code L * S * 2E} for an attention of the query on a sequence of length S.
   */
  private static long products(long e, long l, long s) {
    return l * s * 2 * e;
  }

  /**
   * The bias adds paramcheck counts: every bias at the positions its projection applies to. An
   * attention's query and output biases (2E) at the query's L positions, its key and value biases
   * (2E) at the S positions it attends to; the feed-forward biases (F + E) at L.
   */
  private static long biasAdds(JsonObject config, Map<String, Long> constants) {
    long e = width(config);
    long l = queryLength(config);
    long s = keyLength(config);
    return switch (module(config)) {
      case "nn.MultiheadAttention" -> flag(config.getAsJsonObject("args"), "bias", true) ? 2 * e * (l + s) : 0;
      case "nn.TransformerEncoderLayer" -> l * weights(constants, w -> (attention(w) || linear(w)) && w.endsWith("_BIAS"));
      default -> l * weights(constants, w -> (w.startsWith("SELF_ATTN_") || linear(w)) && w.endsWith("_BIAS"))
          + 2 * e * (l + s);
    };
  }

  @Test
  void corpusCoversTheIssue() {
    List<JsonObject> configs = configs();
    assertThat(configs.size()).isAtLeast(30);
    assertThat(configs.stream().filter(c -> module(c).equals("nn.MultiheadAttention")).count()).isAtLeast(15L);
    assertThat(configs.stream().filter(c -> c.has("call") && c.get("call").getAsString().equals("cross")
        && queryLength(c) != keyLength(c)).count()).isAtLeast(5L);
    assertThat(configs.stream().filter(c -> c.getAsJsonObject("args").has("kdim")).count()).isAtLeast(3L);
    assertThat(configs.stream().filter(c -> !flag(c.getAsJsonObject("args"), "bias", true)).count()).isAtLeast(2L);
    for (String layer : List.of("nn.TransformerEncoderLayer", "nn.TransformerDecoderLayer")) {
      for (boolean normFirst : List.of(true, false)) {
        assertWithMessage("%s norm_first=%s", layer, normFirst)
            .that(configs.stream().filter(c -> module(c).equals(layer)
                && flag(c.getAsJsonObject("args"), "norm_first", false) == normFirst).count())
            .isAtLeast(2L);
      }
    }
  }

  @TestFactory
  Stream<DynamicContainer> macsAgainstTorchinfoAndFvcore() {
    List<JsonObject> configs = configs();
    List<JavaFileObject> sources = configs.stream().map(AttentionMacsReferencesTest::source).toList();
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      return configs.stream().map(config -> dynamicTest(config.get("id").getAsString() + " " + module(config),
          () -> {
            check(config, Compiled.constants(c, className(config) + "Summary"));
            torchinfoLine(config, Compiled.table(c, className(config) + "Summary"));
          }));
    });
  }

  /**
   * The PyTorch table prints what torchinfo prints for the module paramcheck stands for, which is
   * batch first: where the recorded module is too (and for every {@code nn.MultiheadAttention},
   * which torchinfo counts 0 either way), its "Total mult-adds" line is torchinfo's, to the
   * character, while {@code LAYER_MACS} keeps paramcheck's own count.
   */
  private static void torchinfoLine(JsonObject config, String table) {
    boolean batchFirst = flag(config.getAsJsonObject("args"), "batch_first", false);
    if (batchFirst || module(config).equals("nn.MultiheadAttention")) {
      String printed = config.getAsJsonObject("torchinfo").get("printed").getAsString();
      assertWithMessage("%s\n%s", config.get("id"), table).that(table).contains("\n" + printed + "\n");
    }
  }

  private static void check(JsonObject config, Map<String, Long> constants) {
    long macs = constants.get("LAYER_MACS");
    long params = constants.get("LAYER_PARAMS");
    assertThat(constants.get("TOTAL_MACS")).isEqualTo(macs);
    assertThat(params).isEqualTo(config.get("parameters").getAsLong());
    long e = width(config);
    long l = queryLength(config);
    long s = keyLength(config);
    boolean batchFirst = flag(config.getAsJsonObject("args"), "batch_first", false);
    JsonObject torchinfo = config.getAsJsonObject("torchinfo");
    long torchinfoTotal = torchinfo.get("totalMultAdds").getAsLong();
    JsonObject fvcore = config.getAsJsonObject("fvcore");
    long fvcoreTotal = fvcore.get("total").getAsLong();
    JsonObject byOperator = fvcore.getAsJsonObject("byOperator");
    long bias = biasAdds(config, constants);
    if (module(config).equals("nn.MultiheadAttention")) {
      long products = products(e, l, s);
      // torchinfo: the module is not a leaf (out_proj is a child it never calls), so its own row,
      // L x every parameter, is left out of the total: torchinfo reports no mult-adds at all
      assertThat(torchinfoTotal).isEqualTo(0);
      JsonObject row = torchinfo.getAsJsonArray("rows").get(0).getAsJsonObject();
      assertThat(row.get("leaf").getAsBoolean()).isFalse();
      assertThat(row.get("macs").getAsLong()).isEqualTo(l * params);
      // fvcore: every weight matrix at its positions (aten::linear) and the two products (aten::bmm),
      // no bias add
      assertThat(fvcoreTotal).isEqualTo(macs - bias);
      assertThat(byOperator.get("bmm").getAsLong()).isEqualTo(products);
      assertThat(byOperator.get("linear").getAsLong()).isEqualTo(macs - bias - products);
      assertThat(byOperator.keySet()).containsExactly("bmm", "linear");
      return;
    }
    boolean decoder = module(config).equals("nn.TransformerDecoderLayer");
    long products = products(e, l, l) + (decoder ? products(e, l, s) : 0);
    long attentionParams = weights(constants, AttentionMacsReferencesTest::attention);
    long linearParams = weights(constants, AttentionMacsReferencesTest::linear);
    long normParams = weights(constants, AttentionMacsReferencesTest::norm);
    assertThat(attentionParams + linearParams + normParams).isEqualTo(params);
    // the attention projections at their positions: all at L, a decoder's cross-attention key and
    // value projections (2 x (E^2 + E)) at the memory's S
    long attentionAtPositions = l * attentionParams + (decoder ? (s - l) * 2 * (e * e + e) : 0);
    // torchinfo: only the leaves (Linear, LayerNorm, Dropout) count, each parameter x the output's
    // first axis: L when the sequence comes first, the batch (1) with batch_first
    long first = batchFirst ? 1 : l;
    assertThat(torchinfoTotal).isEqualTo(first * (linearParams + normParams));
    assertThat(macs - torchinfoTotal)
        .isEqualTo(attentionAtPositions + products + (l - first) * linearParams - first * normParams);
    // fvcore: the layers call scaled_dot_product_attention, which fvcore does not count (no products),
    // no bias add, and 5 per element for each LayerNorm (aten::layer_norm)
    long norms = decoder ? 3 : 2;
    assertThat(fvcore.getAsJsonObject("unsupported").has("aten::scaled_dot_product_attention")).isTrue();
    assertThat(byOperator.get("layer_norm").getAsLong()).isEqualTo(norms * 5 * l * e);
    assertThat(byOperator.get("linear").getAsLong()).isEqualTo(macs - products - bias);
    assertThat(fvcoreTotal).isEqualTo(macs - products - bias + norms * 5 * l * e);
  }
}
