package dev.paramcheck.maven;

import dev.paramcheck.report.Check;
import dev.paramcheck.report.ReportRun;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when a model is over a budget its record holds ({@code failOnOverBudget}, on by
 * default), grew by more than {@code maxGrowth} percent against the committed baseline, or is new
 * and {@code failOnNew} is set; each failure is logged once, naming the model and its numbers. With
 * {@code -Dparamcheck.updateBaseline} it writes the baseline instead of failing on growth.
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
    String models = o.records().size() + (o.records().size() == 1 ? " model" : " models");
    List<Check.Violation> failures = o.failures();
    if (!failures.isEmpty()) {
      for (Check.Violation v : failures) {
        getLog().error(v.message());
      }
      boolean growth = failures.stream().anyMatch(Check.Violation::acceptedByNewBaseline);
      throw new MojoFailureException("paramcheck: " + failures.size()
          + (failures.size() == 1 ? " failure" : " failures") + " of " + models
          + " (listed above; the report in " + outputDirectory + " marks them in red)."
          + (growth ? " If the change is intended, update the baseline with"
              + " -Dparamcheck.updateBaseline and commit it." : ""));
    }
    if (o.baselineWritten()) {
      getLog().info("paramcheck: " + models + " checked; baseline written to " + baseline);
    } else if (!o.comparison().hasBaseline()) {
      getLog().info("paramcheck: " + models + " checked: ok; no baseline yet (" + baseline
          + " does not exist), so growth is not checked");
    } else {
      getLog().info("paramcheck: " + models + " checked against " + baseline + ": ok");
    }
  }
}
