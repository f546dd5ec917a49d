package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.paramcheck.processor.TestCompiler.describe;
import static dev.paramcheck.processor.TestCompiler.generatedSource;
import static dev.paramcheck.processor.TestCompiler.lineOf;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The processor under the Eclipse compiler (ecj 3.46, {@link Ecj}), as Eclipse users build, where
 * that is about ecj itself: the same generated sources as javac for every element kind, code for
 * Java 8 and 17, and what ecj does differently. The seed models ({@link SummaryGenerationTest}),
 * the golden source ({@link GoldenSourceTest}), the golden corpus ({@link CorpusTest}) and every
 * diagnostic of {@link DiagnosticsTest} run under both javac and ecj ({@link ProcessorTest}).
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

  private static JavaFileObject model(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test;";
    lines[1] = "import dev.paramcheck.*;";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "";
    return Compiled.source("test.M", lines);
  }

  // ---------------------------------------------------------------- generated code

  // oneLayerModelOnTheClass and fieldsFormASequentialModelInDeclarationOrder run under both
  // compilers in SummaryGenerationTest, the golden file in GoldenSourceTest (@ProcessorTest).

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
    TestCompiler.ECJ.assertSucceededWithoutWarnings(ecj);
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
    TestCompiler.ECJ.assertSucceededWithoutWarnings(c);
    assertThat(generatedSource(c, "test.MSummary")).doesNotContain("Generated;");
    assertThat(generatedSource(c, "test.MSummary")).doesNotContain("@Generated");
    assertThat(Compiled.constant(c, "test.MSummary", "TOTAL_PARAMS")).isEqualTo(64_000L + 2 * 3 * (8 * 64 + 8 * 8 + 2 * 8));
  }

  @Test
  void generatedCodeForJava17UsesTheProcessingGenerated() {
    Compilation c = Ecj.compile(
        Compiled.source("test.M", "package test;", "@dev.paramcheck.SimpleRnn(units = 1, features = 1) public class M {}"));
    TestCompiler.ECJ.assertSucceededWithoutWarnings(c);
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
    TestCompiler.ECJ.assertSucceededWithoutWarnings(ecj);
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
  // CorpusTest runs it under both compilers.

  // ---------------------------------------------------------------- diagnostics
  // Every scenario of DiagnosticsTest runs under ecj too (@ProcessorTest); here are the ones where
  // ecj itself differs from javac, for the two that DiagnosticsTest skips under ecj.

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
