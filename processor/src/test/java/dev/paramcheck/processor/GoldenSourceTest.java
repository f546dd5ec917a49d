package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source of one model, byte for byte. When the generated code changes on purpose,
 * regenerate the golden file instead of editing it:
 * {@code ./mvnw -pl processor test -Dtest=GoldenSourceTest -Dparamcheck.updateGolden=true}, then
 * review the diff.
 */
class GoldenSourceTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/Models_SentimentClassifierSummary.java");

  static JavaFileObject model() {
    return Compiled.source("com.example.Models",
        "package com.example;",
        "import dev.paramcheck.*;",
        "public final class Models {",
        "  @ParamBudget(max = 2_000_000)",
        "  static class SentimentClassifier {",
        "    @Embedding(inputDim = 20_000, outputDim = 64) Object tokens;",
        "    @Bidirectional @Gru(units = 32, returnSequences = true) Object encoder;",
        "    @Lstm(units = 16, useBias = false) Object summarizer;",
        "    @ParamBudget(max = 100) @Dense(units = 1) Object sentiment;",
        "  }",
        "}");
  }

  /** The same bytes under javac and ecj; the golden file is only ever rewritten from javac's. */
  @ProcessorTest
  void generatedSourceMatchesTheGoldenFile(TestCompiler compiler) throws IOException {
    Compilation c = compiler.compile(List.of("-Xlint:all"), model());
    compiler.assertSucceededWithoutWarnings(c);
    String actual = c.generatedSourceFile("com.example.Models_SentimentClassifierSummary")
        .orElseThrow()
        .getCharContent(false)
        .toString();
    if (Boolean.getBoolean("paramcheck.updateGolden") && compiler == TestCompiler.JAVAC) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertWithMessage("regenerate with -Dparamcheck.updateGolden=true and review the diff")
        .that(actual)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void sameInputSameBytesWhateverTheOrderOfSources() {
    JavaFileObject other = Compiled.source("com.example.Other",
        "package com.example;",
        "@dev.paramcheck.Lstm(units = 4, features = 2) class Other {}");
    String first = source(Compiled.compile(model(), other));
    String second = source(Compiled.compile(other, model()));
    String third = source(Compiled.compile(model()));
    assertWithMessage("same model, same bytes").that(second).isEqualTo(first);
    assertWithMessage("same model, same bytes").that(third).isEqualTo(first);
  }

  private static String source(Compilation c) {
    try {
      return c.generatedSourceFile("com.example.Models_SentimentClassifierSummary").orElseThrow()
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
