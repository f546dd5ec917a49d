package dev.paramcheck.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.paramcheck.processor.Compiled.model;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Every error: its exact text, its file and its line, and that it is the only one, under javac
 * and under ecj ({@link ProcessorTest}: each case runs once per {@link TestCompiler}, which checks
 * the placement in its own way). A case that cannot hold under one compiler says why in its
 * {@code @ProcessorTest(skip = ..., because = ...)}.
 *
 * <p>A new case: {@code @ProcessorTest void name(TestCompiler compiler)}, compiling with {@code
 * compiler.compile(...)} and checking with {@code onlyError(compiler, ...)} or {@code
 * compiler.assertOnlyError/assertOnlyWarning/assertOnlyErrorWithoutFile(...)}.
 */
class DiagnosticsTest {
  private static void onlyError(TestCompiler compiler, JavaFileObject file, String message, String line) {
    compiler.assertOnlyError(compiler.compile(List.of(), file), file, message, line);
  }

  @ProcessorTest
  void overBudgetModel(TestCompiler compiler) {
    JavaFileObject f = model(
        "@ParamBudget(",
        "    max = 60)",
        "public class M {",
        "  @SimpleRnn(units = 5, features = 4) Object hidden;",
        "  @Dense(units = 3) Object output;",
        "}");
    onlyError(compiler, f,
        "[paramcheck:over-budget] model M has 68 parameters, 8 over its budget of 60. Largest layers:"
            + " hidden 50 (73.5%), output 18 (26.5%). Raise max or make those layers smaller",
        "max = 60");
  }

  @ProcessorTest
  void overBudgetLayer(TestCompiler compiler) {
    JavaFileObject f = model(
        "public class M {",
        "  @ParamBudget(max = 98_000) @Lstm(units = 128, features = 64) Object encoder;",
        "}");
    onlyError(compiler, f,
        "[paramcheck:over-budget] layer 'encoder' (LSTM) has 98,816 parameters (kernel 32,768 +"
            + " recurrent kernel 65,536 + bias 512), 816 over its budget of 98,000. Raise max or make the"
            + " layer smaller",
        "max = 98_000");
  }

  @ProcessorTest
  void overBudgetCanBeAWarning(TestCompiler compiler) {
    JavaFileObject f = model("@ParamBudget(max = 100)", "@SimpleRnn(units = 10, features = 1)", "public class M {}");
    compiler.assertOnlyWarning(
        compiler.compile(List.of("-Aparamcheck.budget=warning"), f),
        f,
        "[paramcheck:over-budget] model M has 120 parameters, 20 over its budget of 100",
        "max = 100");
  }

  @ProcessorTest
  void invalidOptionValueListsTheAllowedOnes(TestCompiler compiler) {
    compiler.assertOnlyErrorWithoutFile(
        compiler.compile(List.of("-Aparamcheck.budget=off"), model("@SimpleRnn(units = 10, features = 1)", "public class M {}")),
        "[paramcheck:invalid-option] -Aparamcheck.budget=off is not a valid value: use error (the default:"
            + " an exceeded budget fails the build) or warning");
  }

  @ProcessorTest
  void nonPositiveUnits(TestCompiler compiler) {
    onlyError(compiler,
        model("public class M {", "  @Lstm(features = 4,", "        units = 0) Object encoder;", "}"),
        "[paramcheck:invalid-value] units = 0 on layer 'encoder' (LSTM): units must be at least 1",
        "units = 0");
  }

  @ProcessorTest
  void nonPositiveFeatures(TestCompiler compiler) {
    onlyError(compiler,
        model("@Dense(units = 3,", "    features = -2)", "public class M {}"),
        "[paramcheck:invalid-value] features = -2 on layer 'dense' (Dense): features must be at least 1",
        "features = -2");
  }

  @ProcessorTest
  void nonPositiveEmbeddingSizes(TestCompiler compiler) {
    onlyError(compiler,
        model("public class M {", "  @Embedding(inputDim = 0, outputDim = 8) Object e;", "}"),
        "[paramcheck:invalid-value] inputDim = 0 on layer 'e' (Embedding): inputDim must be at least 1",
        "inputDim = 0");
  }

  @ProcessorTest
  void nonPositiveBudget(TestCompiler compiler) {
    onlyError(compiler,
        model("@ParamBudget(max = 0)", "@Dense(units = 3, features = 1)", "public class M {}"),
        "[paramcheck:invalid-value] max = 0 on @ParamBudget of model M: max must be at least 1 (it is the"
            + " largest parameter count allowed)",
        "max = 0");
  }

  @ProcessorTest
  void missingFeaturesOnTheFirstLayer(TestCompiler compiler) {
    onlyError(compiler,
        model("public class M {", "  @SimpleRnn(units = 10) Object first;", "  @Dense(units = 1) Object out;", "}"),
        "[paramcheck:missing-features] layer 'first' (SimpleRNN) is the first layer, so no layer before it"
            + " gives its input size: add features = <size of the input's last axis> to @SimpleRnn",
        "Object first");
  }

  @ProcessorTest
  void featuresAssertionMismatch(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Lstm(units = 16, features = 8, returnSequences = true) Object a;",
            "  @Gru(units = 4, features = 12) Object b;",
            "}"),
        "[paramcheck:features-mismatch] features = 12 on layer 'b' (GRU), but layer 'a' (LSTM) before it"
            + " outputs 16 features (None, None, 16): remove features to infer it, or set it to 16",
        "features = 12");
  }

  @ProcessorTest
  void recurrentAfterALayerWithoutSequences(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @SimpleRnn(units = 5, features = 4) Object first;",
            "  @SimpleRnn(units = 5) Object second;",
            "}"),
        "[paramcheck:needs-sequence] layer 'second' (SimpleRNN) needs an input with a time axis, but layer"
            + " 'first' (SimpleRNN) outputs (None, 5): set returnSequences = true on it so that it"
            + " outputs the whole sequence",
        "Object second");
  }

  @ProcessorTest
  void recurrentAfterAFirstDense(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Dense(units = 8, features = 4) Object dense;",
            "  @Lstm(units = 4) Object lstm;",
            "}"),
        "[paramcheck:needs-sequence] layer 'lstm' (LSTM) needs an input with a time axis, but layer"
            + " 'dense' (Dense) outputs (None, 8): a first @Dense takes a plain vector",
        "Object lstm");
  }

  @ProcessorTest
  void embeddingAfterTheFirstLayer(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2, returnSequences = true) Object lstm;",
            "  @Embedding(inputDim = 10, outputDim = 4) Object tokens;",
            "}"),
        "[paramcheck:embedding-not-first] layer 'tokens' (Embedding) is layer 2, after layer 'lstm' (LSTM):"
            + " an Embedding takes integer token ids, so it can only be the first layer",
        "Object tokens");
  }

  @ProcessorTest
  void bidirectionalOnDense(TestCompiler compiler) {
    onlyError(compiler,
        model("public class M {", "  @Dense(units = 4, features = 2)", "  @Bidirectional Object out;", "}"),
        "[paramcheck:bidirectional-not-recurrent] @Bidirectional cannot wrap layer 'out' (Dense): only"
            + " @SimpleRnn, @Lstm and @Gru run in two directions; remove @Bidirectional",
        "@Bidirectional");
  }

  @ProcessorTest
  void bidirectionalOnEmbedding(TestCompiler compiler) {
    onlyError(compiler,
        model("@Bidirectional(merge = Bidirectional.Merge.AVE)", "@Embedding(inputDim = 100, outputDim = 8)", "public class M {}"),
        "[paramcheck:bidirectional-not-recurrent] @Bidirectional cannot wrap layer 'embedding' (Embedding)",
        "@Bidirectional(merge");
  }

  @ProcessorTest
  void bidirectionalAlone(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2) Object lstm;",
            "  @Bidirectional(merge = Bidirectional.Merge.SUM) Object nothing;",
            "}"),
        "[paramcheck:bidirectional-without-layer] @Bidirectional on field 'nothing' wraps nothing: put it"
            + " beside @SimpleRnn, @Lstm or @Gru on the same field, or remove it",
        "Object nothing");
  }

  @ProcessorTest
  void budgetOnAFieldWithoutLayer(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Lstm(units = 4, features = 2) Object lstm;",
            "  @ParamBudget(max = 10) Object nothing;",
            "}"),
        "[paramcheck:budget-without-layer] @ParamBudget on field 'nothing' bounds a layer, but the field has"
            + " no layer annotation",
        "Object nothing");
  }

  @ProcessorTest
  void budgetOnAClassWithoutLayers(TestCompiler compiler) {
    onlyError(compiler,
        model("@ParamBudget(max = 10)", "public class M {}"),
        "[paramcheck:no-layers] model M has @ParamBudget but no layers",
        "@ParamBudget");
  }

  @ProcessorTest
  void twoLayersOnOneField(TestCompiler compiler) {
    onlyError(compiler,
        model("public class M {", "  @Lstm(units = 4, features = 2)", "  @Dense(units = 1) Object both;", "}"),
        "[paramcheck:multiple-layers] field 'both' has both @Lstm and @Dense: a field declares one layer;"
            + " move @Dense to a field of its own",
        "@Dense(units = 1)");
  }

  @ProcessorTest
  void twoLayersOnTheClass(TestCompiler compiler) {
    onlyError(compiler,
        model("@Lstm(units = 4, features = 2)", "@Dense(units = 1)", "public class M {}"),
        "[paramcheck:multiple-layers] class M has both @Lstm and @Dense: a layer annotation on the class"
            + " declares a one-layer model",
        "@Dense(units = 1)");
  }

  @ProcessorTest
  void layersOnTheClassAndOnFields(TestCompiler compiler) {
    onlyError(compiler,
        model("@Lstm(units = 4, features = 2)", "public class M {", "  @Dense(units = 1) Object out;", "}"),
        "[paramcheck:class-and-field-layers] class M has @Lstm on the class and 1 layer(s) on its fields",
        "@Lstm(units = 4");
  }

  @ProcessorTest
  void constantNameClash(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Dense(units = 2, features = 2) Object total;",
            "}"),
        "[paramcheck:name-clash] field 'total' would generate the constant TOTAL_PARAMS",
        "Object total");
  }

  @ProcessorTest
  void overflowNamesTheLayer(TestCompiler compiler) {
    onlyError(compiler,
        model(
            "public class M {",
            "  @Gru(units = Integer.MAX_VALUE, features = Integer.MAX_VALUE) Object huge;",
            "}"),
        "[paramcheck:overflow] layer 'huge' (GRU) has more than 9,223,372,036,854,775,807 parameters"
            + " (Long.MAX_VALUE) with units = 2147483647 on 2147483647 input features",
        "Object huge");
  }

  @ProcessorTest
  void generatedNameTaken(TestCompiler compiler) {
    JavaFileObject taken = source("test.MSummary", "package test;", "class MSummary {}");
    JavaFileObject f = model("@Dense(units = 2, features = 2)", "public class M {}");
    compiler.assertOnlyError(
        compiler.compile(List.of(), taken, f),
        f,
        "[paramcheck:name-taken] cannot generate test.MSummary, the summary of test.M: a type of that name"
            + " already exists",
        "class M");
  }

  /**
   * The compiler's own error, and none of paramcheck's. Holds under ecj too, in ecj's words ("The
   * annotation @Lstm must define the attribute units"); more of it in {@code
   * EclipseCompilerTest.ecjReportsBrokenAnnotationsAloneWithoutASecondError}.
   */
  @ProcessorTest
  void javacReportsBrokenAnnotationsAloneWithoutASecondError(TestCompiler compiler) {
    Compilation c = compiler.compile(model("@Lstm(features = 2)", "public class M {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("units");
  }

  @ProcessorTest(
      skip = TestCompiler.ECJ,
      because = "ecj adds its own \"MSummary cannot be resolved\" in the code that reads the summary:"
          + " EclipseCompilerTest.codeThatReadsTheSummaryOfABrokenModelAlsoGetsEcjsError")
  void codeThatReadsTheSummaryOfABrokenModelGetsNoSecondError(TestCompiler compiler) {
    JavaFileObject f = model(
        "public class M {",
        "  @SimpleRnn(units = 5, features = 4) Object first;",
        "  @SimpleRnn(units = 5) Object second;",
        "}");
    JavaFileObject user = source("test.User",
        "package test;",
        "class User { long size() { return MSummary.TOTAL_PARAMS; } }");
    Compilation c = compiler.compile(f, user);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[paramcheck:needs-sequence]").inFile(f).onLineContaining("Object second");
  }
}
