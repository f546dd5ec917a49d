package dev.paramcheck.maven;

import dev.paramcheck.report.Check;
import dev.paramcheck.report.ReportRun;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when a model grew by more than {@code maxGrowth} percent against the committed
 * baseline, or is new and {@code failOnNew} is set, naming each model with its old and new
 * numbers. With {@code -Dparamcheck.updateBaseline} it writes the baseline instead.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractParamcheckMojo {
  @Override
  boolean writesReport() {
    return false;
  }

  @Override
  boolean checks() {
    return true;
  }

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("paramcheck: check skipped");
      return;
    }
    ReportRun.Outcome o = run();
    if (o.failed()) {
      StringBuilder sb = new StringBuilder("paramcheck: the model size check failed against "
          + baseline + ":");
      for (Check.Violation v : o.check().violations()) {
        getLog().error(v.message());
        sb.append("\n  ").append(v.message());
      }
      sb.append("\nIf the change is intended, update the baseline with"
          + " -Dparamcheck.updateBaseline and commit it.");
      throw new MojoFailureException(sb.toString());
    }
    getLog().info("paramcheck: " + o.records().size()
        + (o.records().size() == 1 ? " model" : " models") + " checked against " + baseline
        + (o.baselineWritten() ? " (baseline updated)" : ": ok"));
  }
}
