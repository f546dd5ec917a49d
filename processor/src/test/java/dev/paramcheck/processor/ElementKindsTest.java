package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.paramcheck.processor.Compiled.compile;
import static dev.paramcheck.processor.Compiled.constants;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Every kind of element a user can annotate either works or gets an error that says what to do.
 * Counts from TensorFlow.js 4.22 ({@code countParams()}): Dense(1) on 1 feature has 2 (corpus
 * c0018), LSTM(4) on 2 features has 112, Dense(1) on 4 features has 5.
 */
class ElementKindsTest {
  @Test
  void interfaceFields() {
    Compilation c = compile(source("test.M", "package test;", "import dev.paramcheck.*;",
        "public interface M {",
        "  @Lstm(units = 4, features = 2, returnSequences = true) Object LSTM = null;",
        "  @Dense(units = 1) Object OUT = null;",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.MSummary")).containsAtLeast("LSTM_PARAMS", 112L, "OUT_PARAMS", 5L);
  }

  @Test
  void enumConstantsAreLayersInOrder() {
    Compilation c = compile(source("test.M", "package test;", "import dev.paramcheck.*;",
        "enum M {",
        "  @Lstm(units = 4, features = 2, returnSequences = true) ENCODER,",
        "  @Dense(units = 1) DECODER;",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.MSummary")).containsAtLeast("ENCODER_PARAMS", 112L, "DECODER_PARAMS", 5L);
  }

  @Test
  void recordComponents() {
    Compilation c = compile(source("test.M", "package test;", "import dev.paramcheck.*;",
        "record M(@Lstm(units = 4, features = 2, returnSequences = true) Object encoder,",
        "         @Dense(units = 1) Object decoder) {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.MSummary")).containsAtLeast("ENCODER_PARAMS", 112L, "DECODER_PARAMS", 5L);
  }

  @Test
  void abstractGenericClassWithStaticPrivateAndInitializedFields() {
    Compilation c = compile(source("test.M", "package test;", "import dev.paramcheck.*;",
        "abstract class M<T extends Number> {",
        "  @Lstm(units = 4, features = 2, returnSequences = true) private static final String A = \"a\";",
        "  @Dense(units = 1) private T b = null;",
        "  abstract T value();",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.MSummary")).containsAtLeast("A_PARAMS", 112L, "B_PARAMS", 5L);
  }

  @Test
  void staticNestedAndInnerClasses() {
    Compilation c = compile(source("test.Outer", "package test;", "import dev.paramcheck.*;",
        "class Outer {",
        "  @Dense(units = 1, features = 1) static class Nested {}",
        "  class Inner { @Dense(units = 1, features = 1) Object out; }",
        "  interface Deep { @Dense(units = 1, features = 1) class Deeper {} }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.Outer_NestedSummary")).containsEntry("TOTAL_PARAMS", 2L);
    assertThat(constants(c, "test.Outer_InnerSummary")).containsEntry("OUT_PARAMS", 2L);
    assertThat(constants(c, "test.Outer_Deep_DeeperSummary")).containsEntry("DENSE_PARAMS", 2L);
  }

  @Test
  void defaultPackage() {
    Compilation c = compile(source("M", "@dev.paramcheck.Dense(units = 1, features = 1) class M {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "MSummary")).containsEntry("TOTAL_PARAMS", 2L);
  }

  @Test
  void sameSimpleNameInTwoPackages() {
    Compilation c = compile(
        source("a.M", "package a;", "@dev.paramcheck.Dense(units = 1, features = 1) class M {}"),
        source("b.M", "package b;", "@dev.paramcheck.Dense(units = 1, features = 4) class M {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "a.MSummary")).containsEntry("TOTAL_PARAMS", 2L);
    assertThat(constants(c, "b.MSummary")).containsEntry("TOTAL_PARAMS", 5L);
  }

  @Test
  void nestedNameThatCollidesWithATopLevelModelsSummary() {
    // a.Outer.Inner and a top-level a.Outer_Inner both want a.Outer_InnerSummary
    Compilation c = compile(
        source("a.Outer", "package a;", "class Outer {", "  @dev.paramcheck.Dense(units = 1, features = 1) static class Inner {}", "}"),
        source("a.Outer_Inner", "package a;", "@dev.paramcheck.Dense(units = 1, features = 1)", "class Outer_Inner {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[paramcheck:name-taken] cannot generate a.Outer_InnerSummary, the summary of");
  }

  @Test
  void inheritedFieldsAreNotLayersOfTheSubclass() {
    // Each class is its own model: a model's layers are the fields it declares.
    Compilation c = compile(source("test.Base", "package test;", "import dev.paramcheck.*;",
        "class Base { @Lstm(units = 4, features = 2) Object encoder; }",
        "class Sub extends Base { @Dense(units = 1, features = 4) Object head; }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(constants(c, "test.BaseSummary")).containsEntry("TOTAL_PARAMS", 112L);
    assertThat(constants(c, "test.SubSummary")).containsEntry("TOTAL_PARAMS", 5L);
    assertThat(constants(c, "test.SubSummary")).doesNotContainKey("ENCODER_PARAMS");
  }

  /** Generates {@code test.Generated} in the first round, as another processor in the build would. */
  static final class OtherProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Generated").openWriter()) {
          w.write("package test; public class Generated {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void fieldWhoseTypeAnotherProcessorGenerates() {
    Compilation c = Compiler.javac()
        .withProcessors(new OtherProcessor(), new ParamCheckProcessor())
        .compile(source("test.M", "package test;", "import dev.paramcheck.*;",
            "class M { @Dense(units = 1, features = 1) Generated layer; }"));
    assertThat(c).succeeded();
    assertThat(constants(c, "test.MSummary")).containsEntry("LAYER_PARAMS", 2L);
  }
}
