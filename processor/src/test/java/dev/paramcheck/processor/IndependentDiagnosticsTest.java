package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every independent mistake in one compile, in source order, each said once: the pairs of
 * diagnostics that hid one another (an invalid budget value hid the model's other budgets; a
 * layer's MAC budget without timesteps hid the model's), and the messages that named a layer twice
 * or left out why a wrapper changed the features. Counts are Keras's: LSTM(128) on 64 features has
 * 98,816 parameters (keras.io's RNN guide prints that row); LSTM(4) on 8 features 4 * (4 * 8 + 4 *
 * 4 + 4) = 208; Embedding(100, 8) 800.
 */
class IndependentDiagnosticsTest {
  private static List<String> texts(List<? extends Diagnostic<? extends JavaFileObject>> ds) {
    return ds.stream().map(d -> d.getMessage(java.util.Locale.ROOT)).toList();
  }

  private static List<Long> lines(List<? extends Diagnostic<? extends JavaFileObject>> ds) {
    return ds.stream().map(Diagnostic::getLineNumber).toList();
  }

  @Test
  void anInvalidSizeBudgetHidesNeitherTheParameterBudgetNorTheMissingTimesteps() {
    JavaFileObject f = Compiled.model(
        "@SizeBudget(max = \"2 KB\")",
        "@ParamBudget(max = 90_000)",
        "@MacBudget(max = 1_000)",
        "public class M {",
        "  @Lstm(units = 128, features = 64) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).failed();
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("[paramcheck:invalid-size] max = \"2 KB\" on @SizeBudget of model M");
    assertThat(errors.get(1)).startsWith(
        "[paramcheck:over-budget] model M has 98,816 parameters, 8,816 over its budget of 90,000.");
    assertThat(errors.get(2)).startsWith("[paramcheck:macs-unknown] @MacBudget on model M needs the length");
    assertThat(lines(c.errors())).containsExactly(3L, 4L, 5L).inOrder();
  }

  @Test
  void anInvalidParamBudgetHidesNotTheSizeBudget() {
    JavaFileObject f = Compiled.model(
        "@SizeBudget(max = \"100 kB\")",
        "public class M {",
        "  @ParamBudget(max = 0) @Lstm(units = 128, features = 64) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(2);
    // 98,816 float32 parameters are 395,264 bytes, 295,264 over 100 kB
    assertThat(errors.get(0)).startsWith("[paramcheck:over-budget] model M takes 395,264 bytes (386.00 KiB) at"
        + " its precision, 295,264 bytes (288.34 KiB) over its size budget of 100 kB = 100,000 bytes.");
    assertThat(errors.get(1)).startsWith("[paramcheck:invalid-value] max = 0 on @ParamBudget of field 'encoder'");
  }

  @Test
  void aLayersMacBudgetWithoutTimestepsHidesNotTheModelsBudget() {
    JavaFileObject f = Compiled.model(
        "@ParamBudget(max = 90_000)",
        "public class M {",
        "  @MacBudget(max = 5) @Lstm(units = 128, features = 64) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("[paramcheck:over-budget] model M has 98,816 parameters");
    assertThat(errors.get(1)).startsWith("[paramcheck:macs-unknown] @MacBudget on layer 'encoder'");
  }

  @Test
  void aNameClashHidesNotTheModelsBudget() {
    JavaFileObject f = Compiled.model(
        "@ParamBudget(max = 90_000)",
        "public class M {",
        "  @Lstm(units = 128, features = 64) Object nonTrainable;",
        "}");
    Compilation c = Compiled.compile(f);
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("[paramcheck:over-budget] model M has 98,816 parameters");
    assertThat(errors.get(1)).startsWith("[paramcheck:name-clash] field 'nonTrainable' would generate"
        + " the constant NON_TRAINABLE_PARAMS");
    assertThat(lines(c.errors())).containsExactly(3L, 5L).inOrder();
  }

  @Test
  void diagnosticsOfOneFileComeInSourceOrder() {
    JavaFileObject f = Compiled.source("test.M",
        "package test;",
        "import dev.paramcheck.*;",
        "public class M {",
        "  @SizeBudget(max = \"lots\")",
        "  public static class Zeta {",
        "    @Lstm(units = 0, features = 4) Object first;",
        "  }",
        "  public static class Alpha {",
        "    @Lstm(units = 4, features = 0) Object first;",
        "  }",
        "}");
    Compilation c = Compiled.compile(f);
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("[paramcheck:invalid-size]");
    assertThat(errors.get(1)).startsWith("[paramcheck:invalid-value] units = 0");
    assertThat(errors.get(2)).startsWith("[paramcheck:invalid-value] features = 0");
    assertThat(lines(c.errors())).containsExactly(4L, 6L, 9L).inOrder();
  }

  @Test
  void theFeaturesMismatchAfterABidirectionalLayerSaysTheWrapperDoubledThem() {
    JavaFileObject f = Compiled.model(
        "public class M {",
        "  @Bidirectional @Lstm(units = 64, features = 8, returnSequences = true) Object encoder;",
        "  @Lstm(units = 16, features = 64) Object decoder;",
        "}");
    Compilation c = Compiled.compile(f);
    List<String> errors = texts(c.errors());
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("[paramcheck:features-mismatch] features = 64 on layer 'decoder' (LSTM)");
    assertThat(errors.get(0)).endsWith(" before it outputs 128 features (None, None, 128), because"
        + " @Bidirectional concatenates both directions: twice the 64 units of its @Lstm: remove"
        + " features to infer it, or set it to 128");
  }

  @Test
  void theNeedsSequenceMessageNamesTheLayerOnce() {
    JavaFileObject f = Compiled.model(
        "public class M {",
        "  @Lstm(units = 4, features = 8) Object first;",
        "  @Lstm(units = 4) Object second;",
        "}");
    String error = texts(Compiled.compile(f).errors()).get(0);
    assertThat(error).isEqualTo("[paramcheck:needs-sequence] layer 'second' (LSTM) needs an input"
        + " with a time axis, but layer 'first' (LSTM) outputs (None, 4): set returnSequences = true"
        + " on it so that it outputs the whole sequence");
  }

  @Test
  void aFrozenLayerUnderATrainableOnlyBudgetIsAWarning() {
    JavaFileObject f = Compiled.model(
        "public class M {",
        "  @ParamBudget(max = 10, trainableOnly = true)",
        "  @Embedding(inputDim = 100, outputDim = 8, trainable = false) Object tokens;",
        "  @Lstm(units = 4) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).succeeded();
    List<String> warnings = texts(c.warnings()).stream().filter(w -> w.startsWith("[paramcheck:")).toList();
    assertThat(warnings).containsExactly("[paramcheck:trainable-budget-always-met] @ParamBudget(trainableOnly"
        + " = true) on layer 'tokens' (Embedding) is always met: the layer is frozen (trainable = false),"
        + " so it has no trainable parameters to bound. To bound its size, remove trainableOnly (the"
        + " budget then counts every parameter), or remove the budget");
    assertThat(lines(c.warnings().stream().filter(w -> w.getMessage(null).startsWith("[paramcheck:")).toList()))
        .containsExactly(4L);
  }

  @Test
  void aModelWhoseLayersAreAllFrozenUnderATrainableOnlyBudgetIsAWarning() {
    JavaFileObject f = Compiled.model(
        "@ParamBudget(max = 10, trainableOnly = true)",
        "public class M {",
        "  @Embedding(inputDim = 100, outputDim = 8, trainable = false) Object tokens;",
        "  @Lstm(units = 4, trainable = false) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).succeeded();
    assertThat(texts(c.warnings())).contains("[paramcheck:trainable-budget-always-met]"
        + " @ParamBudget(trainableOnly = true) on model M is always met: every layer with weights is"
        + " frozen (trainable = false), so it has no trainable parameters to bound. To bound its"
        + " size, remove trainableOnly (the budget then counts every parameter), or remove the budget");
  }

  @Test
  void aTrainableOnlyBudgetOnATrainableLayerSaysNothing() {
    JavaFileObject f = Compiled.model(
        "@ParamBudget(max = 2_000, trainableOnly = true)",
        "public class M {",
        "  @Embedding(inputDim = 100, outputDim = 8, trainable = false) Object tokens;",
        "  @ParamBudget(max = 300, trainableOnly = true) @Lstm(units = 4) Object encoder;",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).succeeded();
    assertThat(texts(c.warnings()).stream().filter(w -> w.startsWith("[paramcheck:")).toList()).isEmpty();
  }
}
