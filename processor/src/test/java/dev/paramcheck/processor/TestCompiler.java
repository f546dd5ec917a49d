package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;

/**
 * A compiler that runs the processor, as a {@link ProcessorTest} receives it: javac (through
 * compile-testing, {@link Compiled}) or ecj (the Eclipse compiler, {@link Ecj}), and the assertions
 * whose details differ between the two.
 *
 * <p>The two differ in ways the assertions hide: ecj adds warnings of its own (an unused private
 * field), which are ignored ({@link #warnings} returns only paramcheck's), and ecj's diagnostics
 * name a copy of each source on disk, so files are compared by relative path ({@link #sameFile}).
 * What ecj does differently otherwise is listed in {@link EclipseCompilerTest}.
 */
enum TestCompiler {
  JAVAC("javac") {
    @Override
    Compilation compile(List<String> options, List<JavaFileObject> files) {
      return Compiled.compile(options, files.toArray(new JavaFileObject[0]));
    }

    @Override
    void assertOnlyError(Compilation c, JavaFileObject file, String message, String lineContaining) {
      CompilationSubject.assertThat(c).failed();
      CompilationSubject.assertThat(c).hadErrorCount(1);
      CompilationSubject.assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(lineContaining);
    }

    @Override
    void assertOnlyWarning(Compilation c, JavaFileObject file, String message, String lineContaining) {
      CompilationSubject.assertThat(c).succeeded();
      CompilationSubject.assertThat(c).hadWarningCount(1);
      CompilationSubject.assertThat(c).hadWarningContaining(message).inFile(file).onLineContaining(lineContaining);
    }

    @Override
    void assertOnlyErrorWithoutFile(Compilation c, String message) {
      CompilationSubject.assertThat(c).hadErrorCount(1);
      CompilationSubject.assertThat(c).hadErrorContaining(message);
    }

    /** javac adds no warnings of its own here: none at all. */
    @Override
    void assertSucceededWithoutWarnings(Compilation c) {
      CompilationSubject.assertThat(c).succeededWithoutWarnings();
    }

    @Override
    List<Diagnostic<? extends JavaFileObject>> warnings(Compilation c) {
      return List.copyOf(c.warnings());
    }
  },

  ECJ("ecj") {
    @Override
    Compilation compile(List<String> options, List<JavaFileObject> files) {
      return Ecj.compile(options, files);
    }

    @Override
    void assertOnlyError(Compilation c, JavaFileObject file, String message, String lineContaining) {
      assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.FAILURE);
      assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
      Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
      assertThat(error.getMessage(Locale.ROOT)).contains(message);
      assertWithMessage("file of %s", describe(c.errors())).that(sameFile(error, file)).isTrue();
      assertWithMessage("line of %s", describe(c.errors()))
          .that(error.getLineNumber())
          .isEqualTo(lineOf(file, lineContaining));
    }

    @Override
    void assertOnlyWarning(Compilation c, JavaFileObject file, String message, String lineContaining) {
      assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      List<Diagnostic<? extends JavaFileObject>> warnings = warnings(c);
      assertWithMessage("%s", describe(c.diagnostics())).that(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage(Locale.ROOT)).contains(message);
      assertThat(sameFile(warnings.get(0), file)).isTrue();
      assertThat(warnings.get(0).getLineNumber()).isEqualTo(lineOf(file, lineContaining));
    }

    @Override
    void assertOnlyErrorWithoutFile(Compilation c, String message) {
      assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
      assertThat(c.errors().get(0).getMessage(Locale.ROOT)).contains(message);
    }

    /** Success, and none of paramcheck's warnings (ecj's own are ignored). */
    @Override
    void assertSucceededWithoutWarnings(Compilation c) {
      assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      assertWithMessage("%s", describe(c.diagnostics())).that(warnings(c)).isEmpty();
    }

    /** paramcheck's warnings: ecj adds warnings of its own (an unused private field), ignored here. */
    @Override
    List<Diagnostic<? extends JavaFileObject>> warnings(Compilation c) {
      return paramcheckWarnings(c);
    }
  };

  private final String displayName;

  TestCompiler(String displayName) {
    this.displayName = displayName;
  }

  /** {@code javac} or {@code ecj}, as the test report names the invocation. */
  String displayName() {
    return displayName;
  }

  /** Compiles {@code files} through the processor with {@code options}. */
  abstract Compilation compile(List<String> options, List<JavaFileObject> files);

  final Compilation compile(List<String> options, JavaFileObject... files) {
    return compile(options, List.of(files));
  }

  final Compilation compile(JavaFileObject... files) {
    return compile(List.of(), List.of(files));
  }

  /**
   * The compilation failed with exactly one error, containing {@code message}, in {@code file},
   * on the one line containing {@code lineContaining}.
   */
  abstract void assertOnlyError(Compilation c, JavaFileObject file, String message, String lineContaining);

  /** Success, with exactly one paramcheck warning, placed as {@link #assertOnlyError} checks. */
  abstract void assertOnlyWarning(Compilation c, JavaFileObject file, String message, String lineContaining);

  /** Exactly one error, containing {@code message}, that belongs to no file. */
  abstract void assertOnlyErrorWithoutFile(Compilation c, String message);

  /** Success without warnings (without paramcheck's, under ecj, which adds its own). */
  abstract void assertSucceededWithoutWarnings(Compilation c);

  /** The warnings a test looks at: all of javac's; paramcheck's only under ecj. */
  abstract List<Diagnostic<? extends JavaFileObject>> warnings(Compilation c);

  /**
   * Whether {@code d} is about {@code file}: javac names compile-testing's in-memory file, ecj the
   * copy {@link Ecj} wrote to disk; both end in the file's relative path.
   */
  final boolean sameFile(Diagnostic<? extends JavaFileObject> d, JavaFileObject file) {
    return Ecj.sameFile(d, file);
  }

  /**
   * For a {@code @TestFactory}, which a {@link ProcessorTest} cannot be: one container per
   * compiler ({@code [javac]}, {@code [ecj]}), each with the tests {@code tests} makes for it. The
   * function runs when the container does, so one compiler's work is done before the next's starts.
   */
  static Stream<DynamicContainer> forEach(Function<TestCompiler, Stream<? extends DynamicNode>> tests) {
    return Arrays.stream(values())
        .map(compiler -> DynamicContainer.dynamicContainer(
            "[" + compiler.displayName() + "]", Stream.of(compiler).flatMap(tests)));
  }

  // ---------------------------------------------------------------- helpers for either compiler

  static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source of {@code className} that the processor generated. */
  static String generatedSource(Compilation c, String className) {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, className.replace('.', '/') + ".java")
        .map(TestCompiler::text)
        .orElseThrow(() -> new AssertionError("no " + className + " generated: " + describe(c.diagnostics())));
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

  /** Each diagnostic on a line: kind, file, line and text. */
  static String describe(List<? extends Diagnostic<? extends JavaFileObject>> ds) {
    return ds.stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().toUri().getPath()) + ":"
            + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** paramcheck's warnings, whichever compiler added others. */
  static List<Diagnostic<? extends JavaFileObject>> paramcheckWarnings(Compilation c) {
    return c.warnings().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("[paramcheck:"))
        .collect(Collectors.toList());
  }
}
