package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The processor under the Eclipse compiler (ecj 3.46, {@link Ecj}), as Eclipse users build: the
 * seed models' counts, the golden source and the same generated sources as javac, the whole golden
 * corpus, and every diagnostic of {@link DiagnosticsTest} with the same text on the same line.
 *
 * <p>Where ecj differs from javac (the section "where ecj differs" asserts what ecj does):
 *
 * <ul>
 *   <li>A record whose layers are all on its components is not found: no summary, no error (ecj
 *       never calls the processor for it). Even when it is handed over (annotate the record
 *       itself), ecj shows the annotations of only some component fields. Under ecj, declare a
 *       model's layers on a class's fields rather than on record components.
 *   <li>Errors on enum constants, record component fields and record classes have no file and
 *       line.
 *   <li>{@code @ParamBudget(max = 1.5)} reaches the processor as {@code max = 1}, so a second,
 *       paramcheck error can follow ecj's.
 *   <li>ecj's Java 8 has no {@code javax.annotation.Generated}: summaries for Java 8 have no
 *       {@code @Generated}.
 *   <li>ecj hands an unresolvable {@code @javax.annotation.Generated} to the processor as a class
 *       with an error type; the processor skips it ({@link
 *       #anUnresolvableGeneratedAnnotationIsNotACrash}).
 *   <li>ecj words its own errors differently: a missing annotation value is "The annotation
 *       {@code @Lstm} must define the attribute units" (javac: "annotation @dev.paramcheck.Lstm is
 *       missing a default value for the element 'units'"); a repeated annotation is reported twice,
 *       once per annotation.
 *   <li>Code that reads the summary of a model paramcheck rejected gets ecj's "MSummary cannot be
 *       resolved" too (javac drops that error once a processor has reported one).
 *   <li>ecj runs the processor even when a file has errors of its own: javac stops before
 *       annotation processing on an error such as a repeated annotation, so paramcheck's errors in
 *       other files only appear once it is fixed; ecj reports both at once.
 *   <li>ecj adds warnings of its own (an unused private field): the tests ignore warnings that are
 *       not paramcheck's. And {@code -nowarn} (or {@code -warn:none}) also silences the warnings
 *       processors print: with {@code -Aparamcheck.budget=warning}, ecj then says nothing at all
 *       about a model over budget.
 * </ul>
 */
class EclipseCompilerTest {
  // ---------------------------------------------------------------- helpers

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line (from 1) of {@code file} that contains {@code fragment}; it must be the only one. */
  static long lineOf(JavaFileObject file, String fragment) {
    String[] lines = text(file).split("\n", -1);
    long found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        assertWithMessage("more than one line contains %s", fragment).that(found).isEqualTo(-1L);
        found = i + 1;
      }
    }
    assertWithMessage("no line contains %s", fragment).that(found).isNotEqualTo(-1L);
    return found;
  }

  static String describe(List<? extends Diagnostic<? extends JavaFileObject>> ds) {
    return ds.stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().toUri().getPath()) + ":"
            + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** paramcheck's warnings (ecj adds warnings of its own, which are ignored here). */
  static List<Diagnostic<? extends JavaFileObject>> paramcheckWarnings(Compilation c) {
    return c.warnings().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[paramcheck:")).collect(Collectors.toList());
  }

  private static void succeededWithoutParamcheckWarnings(Compilation c) {
    assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage("%s", describe(c.diagnostics())).that(paramcheckWarnings(c)).isEmpty();
  }

  /** Exactly one error, with this text, in this file, on the one line containing {@code line}. */
  private static void onlyError(Compilation c, JavaFileObject file, String message, String line) {
    assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
    assertThat(error.getMessage(Locale.ROOT)).contains(message);
    assertWithMessage("file of %s", describe(c.errors())).that(Ecj.sameFile(error, file)).isTrue();
    assertWithMessage("line of %s", describe(c.errors())).that(error.getLineNumber()).isEqualTo(lineOf(file, line));
  }

  private static JavaFileObject model(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test;";
    lines[1] = "import dev.paramcheck.*;";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "";
    return Compiled.source("test.M", lines);
  }

  private static void onlyError(JavaFileObject file, String message, String line) {
    onlyError(Ecj.compile(file), file, message, line);
  }

  private static String generatedSource(Compilation c, String className) {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, className.replace('.', '/') + ".java")
        .map(EclipseCompilerTest::text)
        .orElseThrow(() -> new AssertionError("no " + className + " generated: " + describe(c.diagnostics())));
  }

  // ---------------------------------------------------------------- the seed models

  @Test
  void oneLayerModelOnTheClass() {
    Compilation c = Ecj.compile(Compiled.source("test.SentimentRnn",
        "package test;",
        "import dev.paramcheck.*;",
        "@SimpleRnn(units = 10, features = 1)",
        "@ParamBudget(max = 200)",
        "public class SentimentRnn {}"));
    succeededWithoutParamcheckWarnings(c);
    // seeds/002: Keras prints 120 for SimpleRNN(10) on one feature
    assertThat(Compiled.constants(c, "test.SentimentRnnSummary"))
        .containsExactly(
            "TOTAL_PARAMS", 120L,
            "TRAINABLE_PARAMS", 120L,
            "NON_TRAINABLE_PARAMS", 0L,
            "SIMPLE_RNN_PARAMS", 120L,
            "SIMPLE_RNN_KERNEL_PARAMS", 10L,
            "SIMPLE_RNN_RECURRENT_KERNEL_PARAMS", 100L,
            "SIMPLE_RNN_BIAS_PARAMS", 10L)
        .inOrder();
  }

  @Test
  void fieldsFormASequentialModelInDeclarationOrder() {
    Compilation c = Ecj.compile(Compiled.source("test.Classifier",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Classifier {",
        "  @SimpleRnn(units = 5, features = 4) Object hiddenLayer;",
        "  String notALayer;",
        "  @Dense(units = 3) Object outputLayer;",
        "}"));
    succeededWithoutParamcheckWarnings(c);
    // seeds/000: 20 + (25 + 5) + (15 + 3) = 68
    assertThat(Compiled.constants(c, "test.ClassifierSummary"))
        .containsExactly(
            "TOTAL_PARAMS", 68L,
            "TRAINABLE_PARAMS", 68L,
            "NON_TRAINABLE_PARAMS", 0L,
            "HIDDEN_LAYER_PARAMS", 50L,
            "HIDDEN_LAYER_KERNEL_PARAMS", 20L,
            "HIDDEN_LAYER_RECURRENT_KERNEL_PARAMS", 25L,
            "HIDDEN_LAYER_BIAS_PARAMS", 5L,
            "OUTPUT_LAYER_PARAMS", 18L,
            "OUTPUT_LAYER_KERNEL_PARAMS", 15L,
            "OUTPUT_LAYER_BIAS_PARAMS", 3L)
        .inOrder();
  }

  @Test
  void generatedSourceIsTheGoldenFile() throws IOException {
    Compilation c = Ecj.compile(GoldenSourceTest.model());
    succeededWithoutParamcheckWarnings(c);
    assertThat(generatedSource(c, "com.example.Models_SentimentClassifierSummary"))
        .isEqualTo(Files.readString(
            Path.of("src/test/resources/golden/Models_SentimentClassifierSummary.java"), StandardCharsets.UTF_8));
  }

  @Test
  void sameGeneratedSourceAsJavacForEveryElementKind() {
    JavaFileObject kinds = Compiled.source("test.Kinds",
        "package test;",
        "import dev.paramcheck.*;",
        "public abstract class Kinds<T> {",
        "  @Lstm(units = 4, features = 2, returnSequences = true) private static final Object A = null;",
        "  @Dense(units = 1) T b;",
        "  interface I { @Gru(units = 2, features = 3) Object X = null; }",
        "  enum E { @Embedding(inputDim = 10, outputDim = 4) TOKENS, @Bidirectional(merge = Bidirectional.Merge.SUM)"
            + " @SimpleRnn(units = 3) RNN; }",
        "  record R(@SimpleRnn(units = 2, features = 2, returnSequences = true) Object first,"
            + " @Dense(units = 2) Object second) { @Dense(units = 1) static Object third; }",
        "  class Inner { @ParamBudget(max = 9_223_372_036_854_775_807L) @Dense(units = 7, features = 7) Object d; }",
        "  @Bidirectional @Lstm(units = 3, features = 1) static class OnTheClass {}",
        "}");
    Compilation ecj = Ecj.compile(kinds);
    Compilation javac = Compiled.compile(kinds);
    succeededWithoutParamcheckWarnings(ecj);
    for (String summary : List.of("test.KindsSummary", "test.Kinds_ISummary", "test.Kinds_ESummary",
        "test.Kinds_RSummary", "test.Kinds_InnerSummary", "test.Kinds_OnTheClassSummary")) {
      assertWithMessage(summary).that(generatedSource(ecj, summary)).isEqualTo(generatedSource(javac, summary));
    }
  }

  /**
   * ecj's Java 8 has no {@code javax.annotation.Generated} (javac's has): ecj rejects it in user
   * code ("cannot be resolved to a type") and {@code Elements.getTypeElement} does not find it, so
   * the summary has no {@code @Generated}, and still compiles for Java 8.
   */
  @Test
  void generatedCodeCompilesForJava8WithoutGenerated() {
    Compilation c = Ecj.compile(
        List.of("--release", "8"),
        Compiled.source("test.M",
            "package test;",
            "import dev.paramcheck.*;",
            "public class M {",
            "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
            "  @Bidirectional @Gru(units = 8) Object gru;",
            "}"));
    succeededWithoutParamcheckWarnings(c);
    assertThat(generatedSource(c, "test.MSummary")).doesNotContain("Generated;");
    assertThat(generatedSource(c, "test.MSummary")).doesNotContain("@Generated");
    assertThat(Compiled.constant(c, "test.MSummary", "TOTAL_PARAMS")).isEqualTo(64_000L + 2 * 3 * (8 * 64 + 8 * 8 + 2 * 8));
  }

  @Test
  void generatedCodeForJava17UsesTheProcessingGenerated() {
    Compilation c = Ecj.compile(
        Compiled.source("test.M", "package test;", "@dev.paramcheck.SimpleRnn(units = 1, features = 1) public class M {}"));
    succeededWithoutParamcheckWarnings(c);
    assertThat(generatedSource(c, "test.MSummary")).contains("import javax.annotation.processing.Generated;");
  }

  // ---------------------------------------------------------------- where ecj differs

  /**
   * ecj 3.46's {@code RoundEnvironment.getElementsAnnotatedWith} does not return the fields of a
   * record's components, although they carry the annotations (javac returns them): a record whose
   * layers are all on its components is never offered to the processor, which then generates
   * nothing and reports nothing. A user referring to {@code RSummary} gets "cannot be resolved".
   * (A record with at least one annotated field in its body is found, and then its components'
   * layers are read as under javac: see {@link #sameGeneratedSourceAsJavacForEveryElementKind}.)
   * paramcheck could work around it by also looking at the records among the round's root
   * elements and their members.
   */
  @Test
  void recordComponentLayersAreNotFound() {
    JavaFileObject record = Compiled.source("test.R", "package test;", "import dev.paramcheck.*;",
        "public record R(@Lstm(units = 4, features = 2, returnSequences = true) Object encoder,",
        "                @Dense(units = 1) Object decoder) {}");
    Compilation javac = Compiled.compile(record);
    assertThat(Compiled.constants(javac, "test.RSummary")).containsEntry("TOTAL_PARAMS", 117L);
    Compilation ecj = Ecj.compile(record);
    succeededWithoutParamcheckWarnings(ecj);
    assertWithMessage("ecj now finds record components: make this test expect the summary")
        .that(ecj.generatedFile(StandardLocation.SOURCE_OUTPUT, "test/RSummary.java").isPresent())
        .isFalse();
  }

  /**
   * ecj's {@code Messager} cannot place a diagnostic on an enum constant, a record's component
   * field or a record class: the error comes with no file and line 0 (javac: the constant's, the
   * component's or the annotation's line). The text is the same.
   */
  @Test
  void errorsOnEnumConstantsAndRecordsHaveNoPosition() {
    JavaFileObject enumModel = Compiled.source("test.E", "package test;", "import dev.paramcheck.*;",
        "public enum E {",
        "  @Dense(units = 0, features = 1) X;",
        "}");
    JavaFileObject recordModel = Compiled.source("test.R", "package test;", "import dev.paramcheck.*;",
        "public record R(@Dense(units = 0, features = 1) Object x) {",
        "  @Dense(units = 1) static Object y;",
        "}");
    JavaFileObject recordClassModel = Compiled.source("test.Q", "package test;", "import dev.paramcheck.*;",
        "@ParamBudget(max = 1)",
        "@SimpleRnn(units = 3, features = 2)",
        "public record Q() {}");
    String units = "[paramcheck:invalid-value] units = 0 on layer 'x' (Dense): units must be at least 1";
    for (JavaFileObject f : List.of(enumModel, recordModel, recordClassModel)) {
      Compilation javac = Compiled.compile(f);
      assertWithMessage("javac: %s", describe(javac.errors())).that(javac.errors()).hasSize(1);
      assertThat(Ecj.sameFile(javac.errors().get(0), f)).isTrue();
      Compilation ecj = Ecj.compile(f);
      assertWithMessage("ecj: %s", describe(ecj.errors())).that(ecj.errors()).hasSize(1);
      Diagnostic<? extends JavaFileObject> error = ecj.errors().get(0);
      assertThat(error.getMessage(Locale.ROOT)).isEqualTo(javac.errors().get(0).getMessage(Locale.ROOT));
      assertWithMessage("ecj now places it: make this test expect javac's line").that(error.getSource()).isNull();
      assertThat(error.getLineNumber()).isEqualTo(0L); // not even Diagnostic.NOPOS
    }
    assertThat(Compiled.compile(enumModel).errors().get(0).getMessage(Locale.ROOT).replace("'X'", "'x'"))
        .isEqualTo(units);
  }

  /**
   * ecj rejects {@code @ParamBudget(max = 1.5)} ("Type mismatch: cannot convert from double to
   * long") but shows processors {@code max = 1}, so paramcheck goes on and reports the layer over
   * a budget of 1: a second error javac never shows (javac: only "possible lossy conversion").
   */
  @Test
  void aDoubleBudgetReachesTheProcessorAsALong() {
    JavaFileObject f = model("public class M {", "  @ParamBudget(max = 1.5) @Dense(units = 3, features = 2) Object a;", "}");
    Compilation javac = Compiled.compile(f);
    assertWithMessage("%s", describe(javac.errors())).that(javac.errors()).hasSize(1);
    assertThat(javac.errors().get(0).getMessage(Locale.ROOT)).doesNotContain("[paramcheck:");
    Compilation ecj = Ecj.compile(f);
    assertWithMessage("%s", describe(ecj.errors())).that(ecj.errors()).hasSize(2);
    assertThat(ecj.errors().get(0).getMessage(Locale.ROOT)).contains("cannot convert from double to long");
    assertThat(ecj.errors().get(1).getMessage(Locale.ROOT)).isEqualTo("[paramcheck:over-budget] layer 'a' (Dense)"
        + " has 9 parameters (kernel 6 + bias 3), 8 over its budget of 1. Raise max or make the layer smaller");
  }

  /**
   * When a source uses {@code @javax.annotation.Generated} and that type does not resolve (Java 11+
   * without javax.annotation-api, or ecj's {@code --release 8}), ecj hands the processor an
   * annotation element of kind CLASS with an error type, on which {@code
   * RoundEnvironment.getElementsAnnotatedWith} throws. The processor skips it: ecj's own error and
   * paramcheck's errors in other models are all reported. (javac never offers the unresolved type.)
   */
  @Test
  void anUnresolvableGeneratedAnnotationIsNotACrash() {
    JavaFileObject legacy = Compiled.source("test.G", "package test;", "@javax.annotation.Generated(\"x\") public class G {}");
    JavaFileObject invalid = model("public class M {", "  @Dense(units = 0, features = 1) Object x;", "}");
    Compilation c = Ecj.compile(List.of(), legacy, invalid);
    assertWithMessage("%s", describe(c.diagnostics()))
        .that(c.errors().stream().noneMatch(d -> d.getMessage(Locale.ROOT).contains("Internal compiler error")))
        .isTrue();
    assertWithMessage("%s", describe(c.diagnostics()))
        .that(c.errors().stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("cannot be resolved to a type")))
        .isTrue();
    assertWithMessage("%s", describe(c.diagnostics()))
        .that(c.errors().stream().anyMatch(d -> d.getMessage(Locale.ROOT).startsWith("[paramcheck:invalid-value]")))
        .isTrue();
  }

  // ---------------------------------------------------------------- the golden corpus

  @TestFactory
  Stream<DynamicTest> corpusValidModelsCountExactlyAsTheReference() {
    List<JsonObject> models = CorpusTest.models(true);
    assertThat(models.size()).isAtLeast(300);
    List<JavaFileObject> sources = models.stream().map(CorpusTest::source).toList();
    Compilation ecj = Ecj.compile(List.of(), sources);
    Compilation javac = Compiled.compile(sources.toArray(new JavaFileObject[0]));
    succeededWithoutParamcheckWarnings(ecj);
    return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
      String summary = CorpusTest.className(model) + "Summary";
      CorpusTest.assertCounts(model, Compiled.constants(ecj, summary));
      // the rest (table, shapes, weights) exactly as under javac, which CorpusTest checks
      assertThat(generatedSource(ecj, summary)).isEqualTo(generatedSource(javac, summary));
    }));
  }

  @TestFactory
  Stream<DynamicTest> corpusRejectedModelsFailInTheirOwnFileOnTheRejectedLayer() {
    List<JsonObject> models = CorpusTest.models(false);
    assertThat(models.size()).isAtLeast(30);
    List<JavaFileObject> sources = models.stream().map(CorpusTest::source).toList();
    Compilation c = Ecj.compile(List.of(), sources);
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
      JavaFileObject source = CorpusTest.source(model);
      List<Diagnostic<? extends JavaFileObject>> errors =
          c.errors().stream().filter(d -> Ecj.sameFile(d, source)).collect(Collectors.toList());
      assertWithMessage("errors for %s", model.get("id")).that(errors).isNotEmpty();
      long rejectedLine = 4 + model.get("rejectedLayer").getAsLong(); // package, import, class, fields
      assertWithMessage("%s: %s", model.get("id"), describe(errors))
          .that(errors.get(0).getLineNumber()).isEqualTo(rejectedLine);
      assertWithMessage("%s", describe(errors)).that(errors.get(0).getMessage(Locale.ROOT)).startsWith("[paramcheck:");
    }));
  }

  // ---------------------------------------------------------------- diagnostics
  // Every scenario of DiagnosticsTest runs under ecj in EclipseDiagnosticsTest; here are the ones
  // where ecj itself differs from javac.

  /**
   * ecj reports the broken annotation in its own words ("The annotation @Lstm must define the
   * attribute units"), and paramcheck adds nothing: the same as under javac.
   */
  @Test
  void ecjReportsBrokenAnnotationsAloneWithoutASecondError() {
    JavaFileObject f = model("@Lstm(features = 2)", "public class M {}");
    Compilation c = Ecj.compile(f);
    assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c.errors().get(0).getMessage(Locale.ROOT)).contains("units");
    assertThat(c.errors().get(0).getMessage(Locale.ROOT)).doesNotContain("[paramcheck:");
    assertThat(c.errors().get(0).getLineNumber()).isEqualTo(lineOf(f, "@Lstm"));
  }

  /**
   * javac holds back "cannot find symbol" for a type a processor may still generate, and drops it
   * once a processor has reported an error; ecj reports it: "MSummary cannot be resolved to a
   * variable" in the code that reads the summary, beside paramcheck's error in the model.
   */
  @Test
  void codeThatReadsTheSummaryOfABrokenModelAlsoGetsEcjsError() {
    JavaFileObject f = model(
        "public class M {",
        "  @SimpleRnn(units = 5, features = 4) Object first;",
        "  @SimpleRnn(units = 5) Object second;",
        "}");
    JavaFileObject user = Compiled.source("test.User",
        "package test;",
        "class User { long size() { return MSummary.TOTAL_PARAMS; } }");
    Compilation c = Ecj.compile(List.of(), f, user);
    assertWithMessage("%s", describe(c.errors())).that(c.errors()).hasSize(2);
    Diagnostic<? extends JavaFileObject> ours =
        c.errors().stream().filter(d -> Ecj.sameFile(d, f)).findFirst().orElseThrow();
    assertThat(ours.getMessage(Locale.ROOT)).startsWith("[paramcheck:needs-sequence]");
    assertThat(ours.getLineNumber()).isEqualTo(lineOf(f, "Object second"));
    Diagnostic<? extends JavaFileObject> ecjs =
        c.errors().stream().filter(d -> Ecj.sameFile(d, user)).findFirst().orElseThrow();
    assertThat(ecjs.getMessage(Locale.ROOT)).isEqualTo("MSummary cannot be resolved to a variable");
  }

  /**
   * Unlike javac, ecj runs the processor although another file has an error of its own: both
   * files' errors come in one compile, and the broken model stays paramcheck-silent.
   */
  @Test
  void ecjRunsTheProcessorBesideJavaErrorsInOtherFiles() {
    JavaFileObject broken = Compiled.source("test.B", "package test;", "import dev.paramcheck.*;",
        "public class B { @Dense(units = 1, features = 1) @Dense(units = 2) Object x; }");
    JavaFileObject invalid = Compiled.source("test.K", "package test;", "import dev.paramcheck.*;",
        "public class K { @Dense(units = 0, features = 1) Object x; }");
    Compilation c = Ecj.compile(List.of(), broken, invalid);
    List<Diagnostic<? extends JavaFileObject>> inBroken =
        c.errors().stream().filter(d -> Ecj.sameFile(d, broken)).collect(Collectors.toList());
    List<Diagnostic<? extends JavaFileObject>> inInvalid =
        c.errors().stream().filter(d -> Ecj.sameFile(d, invalid)).collect(Collectors.toList());
    assertWithMessage("%s", describe(c.diagnostics())).that(inBroken).isNotEmpty();
    assertThat(inBroken.stream().noneMatch(d -> d.getMessage(Locale.ROOT).contains("[paramcheck:"))).isTrue();
    assertWithMessage("%s", describe(c.diagnostics())).that(inInvalid).hasSize(1);
    assertThat(inInvalid.get(0).getMessage(Locale.ROOT)).startsWith("[paramcheck:invalid-value] units = 0");
  }
}
