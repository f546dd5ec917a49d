package dev.paramcheck.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every error: its exact text, its file and its line, and that it is the only one. Runs under
 * javac; {@link EclipseDiagnosticsTest} runs the same scenarios under ecj.
 */
class DiagnosticsTest {
  /** Compiles through the processor; javac here, ecj in the subclass. */
  Compilation compile(List<String> options, JavaFileObject... files) {
    return Compiled.compile(options, files);
  }

  /** Exactly one error, containing {@code message}, in {@code file}, on the line containing {@code line}. */
  void assertOnlyError(Compilation c, JavaFileObject file, String message, String line) {
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  /** Success, with exactly one paramcheck warning, placed as {@link #assertOnlyError} checks. */
  void assertOnlyWarning(Compilation c, JavaFileObject file, String message, String line) {
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining(message).inFile(file).onLineContaining(line);
  }

  /** Exactly one error, containing {@code message}, that belongs to no file. */
  void assertOnlyErrorWithoutFile(Compilation c, String message) {
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message);
  }
  private static JavaFileObject model(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test;";
    lines[1] = "import dev.paramcheck.*;";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "";
    return source("test.M", lines);
  }

  private void onlyError(JavaFileObject file, String message, String line) {
    assertOnlyError(compile(List.of(), file), file, message, line);
  }

  @Test
  void overBudgetModel() {
    JavaFileObject f = model(
        "@ParamBudget(",
        "    max = 60)",
        "public class M {",
        "  @SimpleRnn(units = 5, features = 4) Object hidden;",
        "  @Dense(units = 3) Object output;",
        "}");
    onlyError(f,
        "[paramcheck:over-budget] model M has 68 parameters, 8 over its budget of 60. Largest layers:"
            + " hidden 50 (73.5%), output 18 (26.5%). Raise max or make those layers smaller",
        "max = 60");
  }

  @Test
  void overBudgetLayer() {
    JavaFileObject f = model(
        "public class M {",
        "  @ParamBudget(max = 98_000) @Lstm(units = 128, features = 64) Object encoder;",
        "}");
    onlyError(f,
        "[paramcheck:over-budget] layer 'encoder' (LSTM) has 98,816 parameters (kernel 32,768 +"
            + " recurrent kernel 65,536 + bias 512), 816 over its budget of 98,000. Raise max or make the"
            + " layer smaller",
        "max = 98_000");
  }

  @Test
  void overBudgetCanBeAWarning() {
    JavaFileObject f = model("@ParamBudget(max = 100)", "@SimpleRnn(units = 10, features = 1)", "public class M {}");
    assertOnlyWarning(
        compile(List.of("-Aparamcheck.budget=warning"), f),
        f,
        "[paramcheck:over-budget] model M has 120 parameters, 20 over its budget of 100",
        "max = 100");
  }

  @Test
  void invalidOptionValueListsTheAllowedOnes() {
    assertOnlyErrorWithoutFile(
        compile(List.of("-Aparamcheck.budget=off"), model("@SimpleRnn(units = 10, features = 1)", "public class M {}")),
        "[paramcheck:invalid-option] -Aparamcheck.budget=off is not a valid value: use error (the default:"
            + " an exceeded budget fails the build) or warning");
  }

  @Test
  void nonPositiveUnits() {
    onlyError(
        model("public class M {", "  @Lstm(features = 4,", "        units = 0) Object encoder;", "}"),
        "[paramcheck:invalid-value] units = 0 on layer 'encoder' (LSTM): units must be at least 1",
        "units = 0");
  }

  @Test
  void nonPositiveFeatures() {
    onlyError(
        model("@Dense(units = 3,", "    features = -2)", "public class M {}"),
        "[paramcheck:invalid-value] features = -2 on layer 'dense' (Dense): features must be at least 1",
        "features = -2");
  }

  @Test
  void nonPositiveEmbeddingSizes() {
    onlyError(
        model("public class M {", "  @Embedding(inputDim = 0, outputDim = 8) Object e;", "}"),
        "[paramcheck:invalid-value] inputDim = 0 on layer 'e' (Embedding): inputDim must be at least 1",
        "inputDim = 0");
  }

  @Test
  void nonPositiveBudget() {
    onlyError(
        model("@ParamBudget(max = 0)", "@Dense(units = 3, features = 1)", "public class M {}"),
        "[paramcheck:invalid-value] max = 0 on @ParamBudget of model M: max must be at least 1 (it is the"
            + " largest parameter count allowed)",
        "max = 0");
  }

  @Test
  void missingFeaturesOnTheFirstLayer() {
    onlyError(
        model("public class M {", "  @SimpleRnn(units = 10) Object first;", "  @Dense(units = 1) Object out;", "}"),
        "[paramcheck:missing-features] layer 'first' (SimpleRNN) is the first layer, so no layer before it"
            + " gives its input size: add features = <size of the input's last axis> to @SimpleRnn",
        "Object first");
  }

  @Test
  void featuresAssertionMismatch() {
    onlyError(
        model(
            "public class M {",
            "  @Lstm(units = 16, features = 8, returnSequences = true) Object a;",
            "  @Gru(units = 4, features = 12) Object b;",
            "}"),
        "[paramcheck:features-mismatch] features = 12 on layer 'b' (GRU), but layer 'a' (LSTM) before it"
            + " outputs 16 features (None, None, 16): remove features to infer it, or set it to 16",
        "features = 12");
  }

  @Test
  void recurrentAfterALayerWithoutSequences() {
    onlyError(
        model(
            "public class M {",
            "  @SimpleRnn(units = 5, features = 4) Object first;",
            "  @SimpleRnn(units = 5) Object second;",
            "}"),
        "[paramcheck:needs-sequence] layer 'second' (SimpleRNN) needs an input with a time axis, but layer"
            + " 'first' (SimpleRNN) outputs (None, 5): set returnSequences = true on layer 'first'"
            + " (SimpleRNN) so that it outputs the whole sequence",
        "Object second");
  }

  @Test
  void recurrentAfterAFirstDense() {
    onlyError(
        model(
            "public class M {",
            "  @Dense(units = 8, features = 4) Object dense;",
            "  @Lstm(units = 4) Object lstm;",
            "}"),
        "[paramcheck:needs-sequence] layer 'lstm' (LSTM) needs an input with a time axis, but layer"
            + " 'dense' (Dense) outputs (None, 8): a first @Dense takes a plain vector",
        "Object lstm");
  }

  @Test
  void embeddingAfterTheFirstLayer() {
    onlyError(
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2, returnSequences = true) Object lstm;",
            "  @Embedding(inputDim = 10, outputDim = 4) Object tokens;",
            "}"),
        "[paramcheck:embedding-not-first] layer 'tokens' (Embedding) is layer 2, after layer 'lstm' (LSTM):"
            + " an Embedding takes integer token ids, so it can only be the first layer",
        "Object tokens");
  }

  @Test
  void bidirectionalOnDense() {
    onlyError(
        model("public class M {", "  @Dense(units = 4, features = 2)", "  @Bidirectional Object out;", "}"),
        "[paramcheck:bidirectional-not-recurrent] @Bidirectional cannot wrap layer 'out' (Dense): only"
            + " @SimpleRnn, @Lstm and @Gru run in two directions; remove @Bidirectional",
        "@Bidirectional");
  }

  @Test
  void bidirectionalOnEmbedding() {
    onlyError(
        model("@Bidirectional(merge = Bidirectional.Merge.AVE)", "@Embedding(inputDim = 100, outputDim = 8)", "public class M {}"),
        "[paramcheck:bidirectional-not-recurrent] @Bidirectional cannot wrap layer 'embedding' (Embedding)",
        "@Bidirectional(merge");
  }

  @Test
  void bidirectionalAlone() {
    onlyError(
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2) Object lstm;",
            "  @Bidirectional(merge = Bidirectional.Merge.SUM) Object nothing;",
            "}"),
        "[paramcheck:bidirectional-without-layer] @Bidirectional on field 'nothing' wraps nothing: put it"
            + " beside @SimpleRnn, @Lstm or @Gru on the same field, or remove it",
        "Object nothing");
  }

  @Test
  void budgetOnAFieldWithoutLayer() {
    onlyError(
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2) Object lstm;",
            "  @ParamBudget(max = 10) Object nothing;",
            "}"),
        "[paramcheck:budget-without-layer] @ParamBudget on field 'nothing' bounds a layer, but the field has"
            + " no layer annotation",
        "Object nothing");
  }

  @Test
  void budgetOnAClassWithoutLayers() {
    onlyError(
        model("@ParamBudget(max = 10)", "public class M {}"),
        "[paramcheck:no-layers] model M has @ParamBudget but no layers",
        "@ParamBudget");
  }

  @Test
  void twoLayersOnOneField() {
    onlyError(
        model("public class M {", "  @Lstm(units = 4, features = 2)", "  @Dense(units = 1) Object both;", "}"),
        "[paramcheck:multiple-layers] field 'both' has both @Lstm and @Dense: a field declares one layer;"
            + " move @Dense to a field of its own",
        "@Dense(units = 1)");
  }

  @Test
  void twoLayersOnTheClass() {
    onlyError(
        model("@Lstm(units = 4, features = 2)", "@Dense(units = 1)", "public class M {}"),
        "[paramcheck:multiple-layers] class M has both @Lstm and @Dense: a layer annotation on the class"
            + " declares a one-layer model",
        "@Dense(units = 1)");
  }

  @Test
  void layersOnTheClassAndOnFields() {
    onlyError(
        model("@Lstm(units = 4, features = 2)", "public class M {", "  @Dense(units = 1) Object out;", "}"),
        "[paramcheck:class-and-field-layers] class M has @Lstm on the class and 1 layer(s) on its fields",
        "@Lstm(units = 4");
  }

  @Test
  void constantNameClash() {
    onlyError(
        model(
            "public class M {",
            "  @Dense(units = 2, features = 2) Object total;",
            "}"),
        "[paramcheck:name-clash] field 'total' would generate the constant TOTAL_PARAMS",
        "Object total");
  }

  @Test
  void overflowNamesTheLayer() {
    onlyError(
        model(
            "public class M {",
            "  @Gru(units = Integer.MAX_VALUE, features = Integer.MAX_VALUE) Object huge;",
            "}"),
        "[paramcheck:overflow] layer 'huge' (GRU) has more than 9,223,372,036,854,775,807 parameters"
            + " (Long.MAX_VALUE) with units = 2147483647 on 2147483647 input features",
        "Object huge");
  }

  @Test
  void generatedNameTaken() {
    JavaFileObject taken = source("test.MSummary", "package test;", "class MSummary {}");
    JavaFileObject f = model("@Dense(units = 2, features = 2)", "public class M {}");
    assertOnlyError(
        compile(List.of(), taken, f),
        f,
        "[paramcheck:name-taken] cannot generate test.MSummary, the summary of test.M: a type of that name"
            + " already exists",
        "class M");
  }

  @Test
  void javacReportsBrokenAnnotationsAloneWithoutASecondError() {
    Compilation c = Compiled.compile(model("@Lstm(features = 2)", "public class M {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("units");
  }

  @Test
  void codeThatReadsTheSummaryOfABrokenModelGetsNoSecondError() {
    JavaFileObject f = model(
        "public class M {",
        "  @SimpleRnn(units = 5, features = 4) Object first;",
        "  @SimpleRnn(units = 5) Object second;",
        "}");
    JavaFileObject user = source("test.User",
        "package test;",
        "class User { long size() { return MSummary.TOTAL_PARAMS; } }");
    Compilation c = Compiled.compile(f, user);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[paramcheck:needs-sequence]").inFile(f).onLineContaining("Object second");
  }
}
