package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.paramcheck.processor.EclipseCompilerTest.describe;
import static dev.paramcheck.processor.EclipseCompilerTest.lineOf;
import static dev.paramcheck.processor.EclipseCompilerTest.paramcheckWarnings;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Every scenario of {@link DiagnosticsTest} under the Eclipse compiler: the same message, file
 * and line. ecj adds warnings of its own, which are ignored; its sources are files on disk, so
 * files are compared by path.
 */
class EclipseDiagnosticsTest extends DiagnosticsTest {
  @Override
  Compilation compile(List<String> options, JavaFileObject... files) {
    return Ecj.compile(options, files);
  }

  @Override
  void assertOnlyError(Compilation c, JavaFileObject file, String message, String line) {
    assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
    assertThat(error.getMessage(Locale.ROOT)).contains(message);
    assertWithMessage("file of %s", describe(c.errors())).that(Ecj.sameFile(error, file)).isTrue();
    assertWithMessage("line of %s", describe(c.errors())).that(error.getLineNumber()).isEqualTo(lineOf(file, line));
  }

  @Override
  void assertOnlyWarning(Compilation c, JavaFileObject file, String message, String line) {
    assertWithMessage("%s", describe(c.diagnostics())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    List<Diagnostic<? extends JavaFileObject>> warnings = paramcheckWarnings(c);
    assertWithMessage("%s", describe(c.diagnostics())).that(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage(Locale.ROOT)).contains(message);
    assertThat(Ecj.sameFile(warnings.get(0), file)).isTrue();
    assertThat(warnings.get(0).getLineNumber()).isEqualTo(lineOf(file, line));
  }

  @Override
  void assertOnlyErrorWithoutFile(Compilation c, String message) {
    assertWithMessage("%s", describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c.errors().get(0).getMessage(Locale.ROOT)).contains(message);
  }

  /** ecj words this error itself: {@code EclipseCompilerTest.ecjReportsBrokenAnnotationsAloneWithoutASecondError}. */
  @Override
  void javacReportsBrokenAnnotationsAloneWithoutASecondError() {}

  /** ecj adds its own error here: {@code EclipseCompilerTest.codeThatReadsTheSummaryOfABrokenModelAlsoGetsEcjsError}. */
  @Override
  void codeThatReadsTheSummaryOfABrokenModelGetsNoSecondError() {}
}
