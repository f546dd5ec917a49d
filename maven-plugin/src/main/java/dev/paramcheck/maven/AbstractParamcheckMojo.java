package dev.paramcheck.maven;

import dev.paramcheck.report.Caller;
import dev.paramcheck.report.Check;
import dev.paramcheck.report.Problem;
import dev.paramcheck.report.ReportException;
import dev.paramcheck.report.ReportRun;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals share: their parameters, and the one call into paramcheck-report. */
abstract class AbstractParamcheckMojo extends AbstractMojo {

  /**
   * Class output directories (or jars) whose {@code META-INF/paramcheck/*.json} records to read.
   * Default: the project's {@code ${project.build.outputDirectory}} (target/classes).
   */
  @Parameter(property = "paramcheck.classesDirectories")
  List<File> classesDirectories;

  /** The project's class output, read when {@code classesDirectories} is not set. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  File projectOutputDirectory;

  /** Where {@code report} writes report.json, report.md and index.html. */
  @Parameter(property = "paramcheck.outputDirectory",
      defaultValue = "${project.build.directory}/paramcheck")
  File outputDirectory;

  /**
   * The committed baseline to compare with (need not exist: then growth is not checked, and the
   * check says "no baseline yet").
   */
  @Parameter(property = "paramcheck.baseline",
      defaultValue = "${project.basedir}/paramcheck-baseline.json")
  File baseline;

  /**
   * The growth allowed against the baseline, in percent of it (params, bytes, and MACs where
   * known): {@code 5}, {@code 2.5} or {@code 5%}; 0 allows none. Set it on the plugin (not only on
   * an execution) so that {@code mvn paramcheck:check} uses it too.
   */
  @Parameter(property = "paramcheck.maxGrowth", defaultValue = "0")
  String maxGrowth;

  /** Whether a model missing from the baseline fails {@code check}. */
  @Parameter(property = "paramcheck.failOnNew", defaultValue = "false")
  boolean failOnNew;

  /**
   * Whether a model over a budget its record holds ({@code @ParamBudget}, {@code @SizeBudget},
   * {@code @MacBudget}, on the model, a layer or its package) fails {@code check}. With the
   * processor's {@code -Aparamcheck.budget=warning} the compile only warns, the report shows the
   * model in red, and {@code check} fails the build: one build that reports and fails.
   */
  @Parameter(property = "paramcheck.failOnOverBudget", defaultValue = "true")
  boolean failOnOverBudget;

  /**
   * {@code check} writes the baseline from the records instead of failing on growth or new models
   * (it still fails on an exceeded budget); look at the diff and commit it.
   */
  @Parameter(property = "paramcheck.updateBaseline", defaultValue = "false")
  boolean updateBaseline;

  /** Skip the goal. */
  @Parameter(property = "paramcheck.skip", defaultValue = "false")
  boolean skip;

  abstract boolean writesReport();

  abstract boolean checks();

  ReportRun.Outcome run() throws MojoFailureException {
    List<Path> inputs = new ArrayList<>();
    if (classesDirectories == null || classesDirectories.isEmpty()) {
      inputs.add(projectOutputDirectory.toPath());
    } else {
      classesDirectories.forEach(f -> inputs.add(f.toPath()));
    }
    BigDecimal growth;
    try {
      growth = new BigDecimal(maxGrowth.trim().replaceAll("%$", ""));
    } catch (NumberFormatException e) {
      throw new MojoFailureException(
          "paramcheck: maxGrowth must be a percentage such as 5 or 2.5, not " + maxGrowth);
    }
    if (growth.signum() < 0) {
      throw new MojoFailureException("paramcheck: maxGrowth must be 0 or more, not " + maxGrowth);
    }
    ReportRun.Outcome outcome;
    try {
      outcome = ReportRun.run(new ReportRun.Request(inputs,
          writesReport() ? outputDirectory.toPath() : null, baseline.toPath(),
          new Check.Rules(growth, failOnNew, failOnOverBudget), checks(),
          checks() && updateBaseline, Caller.MAVEN));
    } catch (ReportException e) {
      StringBuilder sb = new StringBuilder("paramcheck: cannot use this input:");
      for (Problem p : e.problems()) {
        getLog().error(p.toString());
        sb.append("\n  ").append(p);
      }
      throw new MojoFailureException(sb.toString());
    }
    for (String note : outcome.notes()) {
      if (note.startsWith("no paramcheck records")) {
        getLog().warn(note);
      } else {
        getLog().info(note);
      }
    }
    return outcome;
  }
}
