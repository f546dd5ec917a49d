package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.paramcheck.processor.Compiled.source;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The record the processor writes per model ({@code META-INF/paramcheck/<binary name>.json}, the
 * reports' input): valid against docs/record-schema.json, holding what the summary holds, the same
 * bytes on every run; and the package policies it reports.
 */
class RecordTest {
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      String text = Files.readString(Path.of("../docs/record-schema.json"), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String record(Compilation c, String binaryName) {
    Optional<JavaFileObject> file =
        c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/" + binaryName + ".json");
    assertWithMessage("record of %s", binaryName).that(file.isPresent()).isTrue();
    try (InputStream in = file.get().openInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertWithMessage("%s", text).that(SCHEMA.validate(text, InputFormat.JSON)).isEmpty();
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final JavaFileObject GUIDE = source("test.Guide",
      "package test;",
      "import dev.paramcheck.*;",
      "@ParamBudget(max = 200_000)",
      "@SizeBudget(max = \"1 MiB\")",
      "@MacBudget(max = 20_000_000)",
      "public class Guide {",
      "  @Embedding(inputDim = 1000, outputDim = 64, timesteps = 100, trainable = false) Object embedding;",
      "  @ParamBudget(max = 100_000) @Lstm(units = 128) Object lstm;",
      "  @Dense(units = 10) Object dense;",
      "}");

  @ProcessorTest
  void aRecordHoldsWhatTheSummaryHolds(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of(), GUIDE);
    compiler.assertSucceededWithoutWarnings(c);
    JsonObject r = JsonParser.parseString(record(c, "test.Guide")).getAsJsonObject();
    assertThat(r.get("model").getAsString()).isEqualTo("test.Guide");
    assertThat(r.get("summaryClass").getAsString()).isEqualTo("test.GuideSummary");
    assertThat(r.get("sourceFile").getAsString()).isEqualTo("test/Guide.java");
    assertThat(r.getAsJsonObject("input").get("timesteps").getAsInt()).isEqualTo(100);
    // the keras.io guide model's published counts: 64,000 / 98,816 / 1,290, total 164,106
    JsonObject lstm = r.getAsJsonArray("layers").get(1).getAsJsonObject();
    assertThat(lstm.get("params").getAsLong()).isEqualTo(98_816);
    assertThat(lstm.get("outputShape").getAsString()).isEqualTo("(None, 128)");
    assertThat(lstm.getAsJsonObject("attributes").get("units").getAsInt()).isEqualTo(128);
    assertThat(lstm.get("macs").getAsLong()).isEqualTo(9_881_600); // 98,816 x 100 steps
    JsonObject totals = r.getAsJsonObject("totals");
    assertThat(totals.get("params").getAsLong()).isEqualTo(164_106);
    assertThat(totals.get("nonTrainable").getAsLong()).isEqualTo(64_000);
    assertThat(totals.get("bytes").getAsLong()).isEqualTo(656_424);
    assertThat(r.getAsJsonArray("budgets").toString()).isEqualTo("["
        + "{\"kind\":\"PARAMS\",\"scope\":\"MODEL\",\"layer\":null,\"source\":\"CLASS\",\"max\":200000,\"used\":164106,\"headroom\":35894},"
        + "{\"kind\":\"BYTES\",\"scope\":\"MODEL\",\"layer\":null,\"source\":\"CLASS\",\"max\":1048576,\"used\":656424,\"headroom\":392152},"
        + "{\"kind\":\"MACS\",\"scope\":\"MODEL\",\"layer\":null,\"source\":\"CLASS\",\"max\":20000000,\"used\":9882890,\"headroom\":10117110},"
        + "{\"kind\":\"PARAMS\",\"scope\":\"LAYER\",\"layer\":\"lstm\",\"source\":\"FIELD\",\"max\":100000,\"used\":98816,\"headroom\":1184}]");
    assertThat(r.get("table").getAsString()).isEqualTo(Compiled.table(c, "test.GuideSummary"));
  }

  @ProcessorTest
  void theSameBytesOnEveryRun(TestCompiler compiler) {
    String first = record(compiler.compile(List.of(), GUIDE), "test.Guide");
    assertThat(record(compiler.compile(List.of(), GUIDE), "test.Guide")).isEqualTo(first);
    assertThat(first).startsWith("{\n  \"schemaVersion\": 1,\n  \"paramcheckVersion\": \"");
    assertThat(first).endsWith("}\n");
  }

  @ProcessorTest
  void aPackagePolicyBoundsAModelWithoutABudgetOfItsOwn(TestCompiler compiler) {
    JavaFileObject pkg = source("test.package-info", "@dev.paramcheck.ParamBudget(max = 100)", "package test;");
    JavaFileObject model = source("test.M",
        "package test;",
        "import dev.paramcheck.*;",
        "@SimpleRnn(units = 10, features = 1)",
        "public class M {}");
    Compilation c = compiler.compile(List.of(), pkg, model);
    compiler.assertOnlyError(c, model,
        "[paramcheck:over-budget] model M has 120 parameters, 20 over its budget of 100 (the @ParamBudget"
            + " policy of package test; M has no @ParamBudget of its own). Largest layers: simple_rnn 120"
            + " (100.0%). Raise max or make those layers smaller",
        "public class M");
  }

  @ProcessorTest
  void aModelsOwnBudgetWinsOverThePackagePolicy(TestCompiler compiler) {
    JavaFileObject pkg = source("test.package-info", "@dev.paramcheck.ParamBudget(max = 100)", "package test;");
    JavaFileObject model = source("test.M",
        "package test;",
        "import dev.paramcheck.*;",
        "@ParamBudget(max = 200)",
        "@SimpleRnn(units = 10, features = 1)",
        "public class M {}");
    Compilation c = compiler.compile(List.of(), pkg, model);
    compiler.assertSucceededWithoutWarnings(c);
    JsonObject r = JsonParser.parseString(record(c, "test.M")).getAsJsonObject();
    assertThat(r.getAsJsonArray("budgets").get(0).getAsJsonObject().get("source").getAsString()).isEqualTo("CLASS");
  }

  @ProcessorTest
  void aPolicyOfAnotherKindStillApplies(TestCompiler compiler) {
    JavaFileObject pkg = source("test.package-info", "@dev.paramcheck.SizeBudget(max = \"1 KiB\")", "package test;");
    JavaFileObject model = source("test.M",
        "package test;",
        "import dev.paramcheck.*;",
        "@ParamBudget(max = 200)",
        "@SimpleRnn(units = 10, features = 1)",
        "public class M {}");
    Compilation c = compiler.compile(List.of(), pkg, model);
    compiler.assertSucceededWithoutWarnings(c);
    JsonObject r = JsonParser.parseString(record(c, "test.M")).getAsJsonObject();
    assertThat(r.getAsJsonArray("budgets").toString()).contains(
        "{\"kind\":\"BYTES\",\"scope\":\"MODEL\",\"layer\":null,\"source\":\"PACKAGE\",\"max\":1024,\"used\":480,\"headroom\":544}");
  }

  @ProcessorTest
  void recordsFalseWritesTheSummaryButNoRecord(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of("-Aparamcheck.records=false"), GUIDE);
    compiler.assertSucceededWithoutWarnings(c);
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/test.Guide.json")).isEmpty();
    assertThat(TestCompiler.generatedSource(c, "test.GuideSummary")).contains("TOTAL_PARAMS = 164106");
  }

  @ProcessorTest
  void anInvalidRecordsValueListsTheAllowedOnes(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of("-Aparamcheck.records=no"), GUIDE);
    compiler.assertOnlyErrorWithoutFile(c, "[paramcheck:invalid-option] -Aparamcheck.records=no is not a valid"
        + " value: use true (the default: a record per model, which paramcheck's reports read) or false (no"
        + " records: one file less per model)");
  }
}
