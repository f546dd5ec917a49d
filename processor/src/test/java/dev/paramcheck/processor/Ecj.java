package dev.paramcheck.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles sources through the processor with the Eclipse compiler (ecj), as Eclipse users build.
 *
 * <p>What it takes to run ecj under compile-testing:
 *
 * <ul>
 *   <li>ecj reads every source from a {@link java.io.File}: compile-testing's in-memory sources
 *       (relative URIs such as {@code test/M.java}) make {@code EclipseCompiler.getTask} throw
 *       "URI has an authority component" or "File /test/M.java is missing". So each source is
 *       written to a fresh temporary directory first; its diagnostics then name that file, which
 *       {@link #sameFile} maps back to the original by its relative path.
 *   <li>ecj compiles for its latest Java version by default (class files 70), which a Java 17 test
 *       JVM cannot load: {@code --release 17}.
 *   <li>ecj prints every problem to stderr as well, since compile-testing gives it no writer:
 *       {@link Quiet} gives it one that drops the listing (the diagnostics are collected anyway).
 *   <li>Not {@code -nowarn}/{@code -warn:none}: ecj then drops the processor's warnings too (an
 *       over-budget warning with {@code -Aparamcheck.budget=warning} would vanish). ecj's own
 *       warnings (such as an unused private field) are left in and filtered by the tests.
 *   <li>ecj generates the outputs through compile-testing's in-memory file manager like javac, so
 *       {@link Compiled#constants} and {@link Compiled#table} read ecj's classes unchanged.
 * </ul>
 */
final class Ecj {
  private static final Path ROOT = createRoot();

  static final List<String> OPTIONS = List.of("--release", "17", "-encoding", "UTF-8");

  private Ecj() {}

  private static Path createRoot() {
    try {
      Path root = Files.createTempDirectory("paramcheck-ecj");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temporary directory
    }
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return compile(options, List.of(sources));
  }

  static Compilation compile(List<String> options, List<JavaFileObject> sources) {
    List<String> all = new ArrayList<>(OPTIONS);
    all.addAll(options);
    return Compiler.compiler(new Quiet(new EclipseCompiler()))
        .withProcessors(new ParamCheckProcessor())
        .withOptions(all)
        .compile(onDisk(sources));
  }

  /**
   * ecj with somewhere to print its listing of problems other than stderr: compile-testing passes
   * no writer, and ecj then prints every problem (thousands in the property tests) to stderr.
   */
  private static final class Quiet implements JavaCompiler {
    private final JavaCompiler ecj;

    Quiet(JavaCompiler ecj) {
      this.ecj = ecj;
    }

    @Override
    public CompilationTask getTask(
        Writer out,
        JavaFileManager fileManager,
        DiagnosticListener<? super JavaFileObject> diagnosticListener,
        Iterable<String> options,
        Iterable<String> classes,
        Iterable<? extends JavaFileObject> compilationUnits) {
      return ecj.getTask(out == null ? Writer.nullWriter() : out, fileManager, diagnosticListener, options, classes,
          compilationUnits);
    }

    @Override
    public StandardJavaFileManager getStandardFileManager(
        DiagnosticListener<? super JavaFileObject> diagnosticListener, Locale locale, Charset charset) {
      return ecj.getStandardFileManager(diagnosticListener, locale, charset);
    }

    @Override
    public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
      return ecj.run(in, out, err, arguments);
    }

    @Override
    public Set<SourceVersion> getSourceVersions() {
      return ecj.getSourceVersions();
    }

    @Override
    public int isSupportedOption(String option) {
      return ecj.isSupportedOption(option);
    }

    @Override
    public String name() {
      return ecj.name();
    }
  }

  /** The sources written to a fresh directory, at their relative paths, as file-backed objects. */
  static List<JavaFileObject> onDisk(List<JavaFileObject> sources) {
    try {
      Path dir = Files.createTempDirectory(ROOT, "c");
      List<JavaFileObject> files = new ArrayList<>();
      for (JavaFileObject source : sources) {
        Path file = dir.resolve(relativePath(source));
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getCharContent(true));
        files.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code test/M.java} for compile-testing's {@code test.M}. */
  static String relativePath(JavaFileObject source) {
    String path = source.toUri().getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** Whether {@code d} is about {@code original} (written to disk by {@link #onDisk}, or not). */
  static boolean sameFile(Diagnostic<? extends JavaFileObject> d, JavaFileObject original) {
    if (d.getSource() == null) {
      return false;
    }
    String path = d.getSource().toUri().getPath();
    String relative = relativePath(original);
    return path.equals(relative) || path.endsWith("/" + relative);
  }
}
