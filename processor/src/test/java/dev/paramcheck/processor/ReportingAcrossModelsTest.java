package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each model's problems are reported in that model's file, however many other models of the same
 * compilation have the same problem. Found by {@link NoCrashPropertyTest}: the processor's
 * "one problem, one message" check keys a message on the element's {@code toString()}, which for a
 * field is only its simple name, so the second model's error (or warning) is dropped.
 */
class ReportingAcrossModelsTest {
  private static JavaFileObject model(String name, String field) {
    return Compiled.source("test." + name, "package test;", "import dev.paramcheck.*;",
        "public class " + name + " {", field, "}");
  }

  @Test
  void sameMistakeOnSameNamedFieldsOfTwoModelsIsAnErrorInBoth() {
    JavaFileObject a = model("A", "  @Dense(units = 0, features = 3) Object x;");
    JavaFileObject b = model("B", "  @Dense(units = 0, features = 3) Object x;");
    Compilation c = Compiled.compile(a, b);
    String message = "[paramcheck:invalid-value] units = 0 on layer 'x' (Dense): units must be at least 1";
    assertThat(c).hadErrorContaining(message).inFile(a).onLineContaining("Object x");
    assertThat(c).hadErrorContaining(message).inFile(b).onLineContaining("Object x");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void sameOverBudgetWarningInTwoModelsIsPrintedForBoth() {
    JavaFileObject a = model("A", "  @ParamBudget(max = 10) @Dense(units = 3, features = 4) Object out;");
    JavaFileObject b = model("B", "  @ParamBudget(max = 10) @Dense(units = 3, features = 4) Object out;");
    Compilation c = Compiled.compile(List.of("-Aparamcheck.budget=warning"), a, b);
    assertThat(c).succeeded();
    String message = "[paramcheck:over-budget] layer 'out' (Dense) has 15 parameters";
    assertThat(c).hadWarningContaining(message).inFile(a).onLineContaining("max = 10");
    assertThat(c).hadWarningContaining(message).inFile(b).onLineContaining("max = 10");
    assertThat(c.warnings()).hasSize(2);
  }
}
