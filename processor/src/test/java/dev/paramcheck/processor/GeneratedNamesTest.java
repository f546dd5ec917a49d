package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Names users write reach the generated code only as JavaPoet arguments, never as format: a field
 * named {@code ausgabe$2} (a legal Java name) once made the processor fail with an internal error.
 */
class GeneratedNamesTest {
  @ProcessorTest
  void dollarsNonAsciiLettersAndUnderscoresInFieldAndClassNames(TestCompiler compiler) {
    JavaFileObject f = source("test.Modell$Größe",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Modell$Größe {",
        "  @Dense(units = 2, features = 3) Object ausgabe$2;",
        "  @Dense(units = 4) Object größe;",
        "  @Dense(units = 1) Object _letzte_schicht_;",
        "}");
    Compilation c = compiler.compile(List.of("-encoding", "UTF-8"), f);
    compiler.assertSucceededWithoutWarnings(c);
    // counts from the seeds' Dense rule as Keras prints them: 3 * 2 + 2, 2 * 4 + 4, 4 * 1 + 1
    assertThat(Compiled.constant(c, "test.Modell$GrößeSummary", "AUSGABE$2_PARAMS")).isEqualTo(8);
    assertThat(Compiled.constant(c, "test.Modell$GrößeSummary", "GRÖßE_PARAMS")).isEqualTo(12);
    assertThat(Compiled.constant(c, "test.Modell$GrößeSummary", "_LETZTE_SCHICHT__PARAMS")).isEqualTo(5);
    assertThat(Compiled.table(c, "test.Modell$GrößeSummary"))
        .contains("│ ausgabe$2 (Dense)                    │ (None, 2)                   │               8 │");
  }
}
