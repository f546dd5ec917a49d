package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated {@code table()} says whose format it prints: Keras's, or torchinfo's for PyTorch. */
class TableJavadocTest {
  private static String source(String... classLines) {
    JavaFileObject f = Compiled.model(classLines);
    return TestCompiler.generatedSource(Compiled.compile(f), "test.MSummary");
  }

  @Test
  void aKerasModelsTableIsKerasSummary() {
    String s = source("@SimpleRnn(units = 10, features = 1)", "public class M {}");
    assertThat(s).contains("The model's summary as Keras 3's {@code model.summary()} prints it");
    assertThat(s).doesNotContain("torchinfo");
  }

  @Test
  void aPyTorchModelsTableIsTorchinfos() {
    String s = source("@Convention(Framework.PYTORCH)", "@SimpleRnn(units = 10, features = 1)",
        "public class M {}");
    assertThat(s).contains("The model's summary as torchinfo's {@code summary(model)} prints it");
    assertThat(s).doesNotContain("model.summary()");
  }
}
