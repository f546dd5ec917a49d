package dev.paramcheck.maven;

import dev.paramcheck.report.ReportRun;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes {@code report.json}, {@code report.md} and {@code index.html} to
 * {@code target/paramcheck/}, from the records the processor wrote to the class output. Never fails
 * on sizes; fails (with the file named) only on records it cannot read.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractParamcheckMojo {
  @Override
  boolean writesReport() {
    return true;
  }

  @Override
  boolean checks() {
    return false;
  }

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("paramcheck: report skipped");
      return;
    }
    ReportRun.Outcome o = run();
    getLog().info("paramcheck: " + o.records().size()
        + (o.records().size() == 1 ? " model" : " models") + "; report in "
        + outputDirectory.toPath().resolve(ReportRun.HTML_FILE));
  }
}
