package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.paramcheck.processor.Compiled.compile;
import static dev.paramcheck.processor.Compiled.constants;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a user's code sees: the generated summary classes, their constants and names. Expected
 * counts come from the seeds and published Keras summaries. The seed models run under javac and
 * ecj ({@link ProcessorTest}).
 */
class SummaryGenerationTest {
  @ProcessorTest
  void oneLayerModelOnTheClass(TestCompiler compiler) {
    Compilation c = compiler.compile(source("test.SentimentRnn",
        "package test;",
        "import dev.paramcheck.*;",
        "@SimpleRnn(units = 10, features = 1)",
        "@ParamBudget(max = 200)",
        "public class SentimentRnn {}"));
    compiler.assertSucceededWithoutWarnings(c);
    // seeds/002: Keras prints 120 for SimpleRNN(10) on one feature
    assertThat(constants(c, "test.SentimentRnnSummary"))
        .containsExactly(
            "TOTAL_PARAMS", 120L,
            "TRAINABLE_PARAMS", 120L,
            "NON_TRAINABLE_PARAMS", 0L,
            "TOTAL_BYTES", 480L, // Keras 3: prod(shape) * 32 bits / 8 per float32 weight
            "TRAINABLE_BYTES", 480L,
            "NON_TRAINABLE_BYTES", 0L,
            "SIMPLE_RNN_PARAMS", 120L,
            "SIMPLE_RNN_BYTES", 480L,
            "SIMPLE_RNN_KERNEL_PARAMS", 10L,
            "SIMPLE_RNN_RECURRENT_KERNEL_PARAMS", 100L,
            "SIMPLE_RNN_BIAS_PARAMS", 10L)
        .inOrder();
  }

  @ProcessorTest
  void fieldsFormASequentialModelInDeclarationOrder(TestCompiler compiler) {
    Compilation c = compiler.compile(source("test.Classifier",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Classifier {",
        "  @SimpleRnn(units = 5, features = 4) Object hiddenLayer;",
        "  String notALayer;",
        "  @Dense(units = 3) Object outputLayer;",
        "}"));
    compiler.assertSucceededWithoutWarnings(c);
    // seeds/000: 20 + (25 + 5) + (15 + 3) = 68
    Map<String, Long> k = constants(c, "test.ClassifierSummary");
    assertThat(k).containsEntry("TOTAL_PARAMS", 68L);
    assertThat(k).containsEntry("HIDDEN_LAYER_PARAMS", 50L);
    assertThat(k).containsEntry("OUTPUT_LAYER_PARAMS", 18L);
    assertThat(k).containsEntry("OUTPUT_LAYER_KERNEL_PARAMS", 15L);
    assertThat(k).containsEntry("OUTPUT_LAYER_BIAS_PARAMS", 3L);
    assertThat(List.copyOf(k.keySet()).indexOf("HIDDEN_LAYER_PARAMS"))
        .isLessThan(List.copyOf(k.keySet()).indexOf("OUTPUT_LAYER_PARAMS"));
    assertThat(k)
        .containsExactly(
            "TOTAL_PARAMS", 68L,
            "TRAINABLE_PARAMS", 68L,
            "NON_TRAINABLE_PARAMS", 0L,
            "TOTAL_BYTES", 272L, // Keras 3: 32 bits a float32 parameter
            "TRAINABLE_BYTES", 272L,
            "NON_TRAINABLE_BYTES", 0L,
            "HIDDEN_LAYER_PARAMS", 50L,
            "HIDDEN_LAYER_BYTES", 200L,
            "HIDDEN_LAYER_KERNEL_PARAMS", 20L,
            "HIDDEN_LAYER_RECURRENT_KERNEL_PARAMS", 25L,
            "HIDDEN_LAYER_BIAS_PARAMS", 5L,
            "OUTPUT_LAYER_PARAMS", 18L,
            "OUTPUT_LAYER_BYTES", 72L,
            "OUTPUT_LAYER_KERNEL_PARAMS", 15L,
            "OUTPUT_LAYER_BIAS_PARAMS", 3L)
        .inOrder();
  }

  @Test
  void nestedModelsAreNamedAfterTheirEnclosingTypes() {
    Compilation c = compile(source("test.Outer",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Outer {",
        "  @Lstm(units = 128, features = 64) static class Inner {}",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    // corpus c0006 (TensorFlow.js): LSTM(128) on 64 features has 98,816
    assertThat(Compiled.constant(c, "test.Outer_InnerSummary", "LSTM_PARAMS")).isEqualTo(98_816L);
  }

  @Test
  void summaryIsFinalAndNotInstantiable() throws Exception {
    Compilation c = compile(source("test.M", "package test;", "@dev.paramcheck.Dense(units = 1, features = 1) class M {}"));
    Class<?> summary = Compiled.load(c, "test.MSummary");
    assertThat(java.lang.reflect.Modifier.isFinal(summary.getModifiers())).isTrue();
    assertThat(java.lang.reflect.Modifier.isPublic(summary.getModifiers())).isTrue();
    assertThat(summary.getDeclaredConstructors()).hasLength(1);
    assertThat(java.lang.reflect.Modifier.isPrivate(summary.getDeclaredConstructors()[0].getModifiers())).isTrue();
  }

  @Test
  void generatedCodeCompilesForJava8() {
    Compilation c = Compiled.compile(
        List.of("--release", "8", "-Xlint:all,-options", "-Werror"),
        source("test.M",
            "package test;",
            "import dev.paramcheck.*;",
            "public class M {",
            "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
            "  @Bidirectional @Gru(units = 8) Object gru;",
            "}"));
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.MSummary").contentsAsUtf8String().contains("import javax.annotation.Generated;");
  }

  @Test
  void lintAllWithWerrorStaysClean() {
    Compilation c = Compiled.compile(
        List.of("-Xlint:all", "-Werror"),
        source("test.M", "package test;", "@dev.paramcheck.SimpleRnn(units = 1, features = 1) public class M {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.MSummary").contentsAsUtf8String()
        .contains("import javax.annotation.processing.Generated;");
  }

  @Test
  void tableIsByteForByteWhatKeras3Prints() throws Exception {
    // A published Keras 3 summary (76 wide: Keras's width where stdout is not a terminal) of
    // Sequential([LSTM(75) on 22 features, Dense(1)]), named "sequential".
    Compilation c = Compiled.compile(
        List.of("-Aparamcheck.tableWidth=76"),
        source("test.sequential",
            "package test;",
            "import dev.paramcheck.*;",
            "class sequential {",
            "  @Lstm(units = 75, features = 22) Object lstm;",
            "  @Dense(units = 1) Object dense;",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Compiled.table(c, "test.sequentialSummary"))
        .isEqualTo(dev.paramcheck.summary.SummaryTableTest.resource("published-lstm-dense-76.txt"));
  }

  @Test
  void invalidTableWidthListsTheAllowedValues() {
    Compilation c = Compiled.compile(
        List.of("-Aparamcheck.tableWidth=wide"),
        source("test.M", "package test;", "@dev.paramcheck.Dense(units = 1, features = 1) class M {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[paramcheck:invalid-option] -Aparamcheck.tableWidth=wide is not a valid"
        + " value: use a whole number from 40 to 400 (Keras prints 88 in a terminal, 76 in a notebook)");
  }

  @Test
  void annotationsAreJava8Bytecode() throws Exception {
    for (Class<?> annotation : List.of(
        dev.paramcheck.SimpleRnn.class, dev.paramcheck.Lstm.class, dev.paramcheck.Gru.class,
        dev.paramcheck.Dense.class, dev.paramcheck.Embedding.class, dev.paramcheck.Bidirectional.class,
        dev.paramcheck.Bidirectional.Merge.class, dev.paramcheck.ParamBudget.class)) {
      try (java.io.InputStream in =
          annotation.getResourceAsStream("/" + annotation.getName().replace('.', '/') + ".class")) {
        byte[] header = in.readNBytes(8);
        int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        assertThat(major).isEqualTo(52); // Java 8, so a --release 8 project can use them
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        // annotations on the class | constant | count (corpus entry, counted by the reference)
        "@SimpleRnn(units = 10, features = 1) | SIMPLE_RNN_PARAMS | 120", // c0004, TensorFlow.js
        "@Lstm(units = 128, features = 64) | LSTM_PARAMS | 98816", // c0006, TensorFlow.js
        "@Gru(units = 1, features = 1) | GRU_PARAMS | 12", // c0007, PyTorch nn.GRU
        "@Gru(units = 1, features = 1, resetAfter = false) | GRU_PARAMS | 9", // c0008, TensorFlow.js
        "@Dense(units = 1, features = 1) | DENSE_PARAMS | 2", // c0018, TensorFlow.js
        "@Embedding(inputDim = 20000, outputDim = 300) | EMBEDDING_PARAMS | 6000000", // c0015
        "@Bidirectional @Gru(units = 3, features = 2) | BIDIRECTIONAL_PARAMS | 126", // c0010, PyTorch
      })
  void oneLayerModelsTakeKerasDefaultNames(String annotations, String constant, long count) {
    Compilation c = compile(source("test.M", "package test;", "import dev.paramcheck.*;", annotations, "class M {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.MSummary")).containsEntry(constant, count);
    assertThat(constants(c, "test.MSummary")).containsEntry("TOTAL_PARAMS", count);
    String layer = constant.substring(0, constant.length() - "_PARAMS".length()).toLowerCase(java.util.Locale.ROOT);
    assertThat(Compiled.table(c, "test.MSummary")).contains("\u2502 " + layer + " (");
  }
}
