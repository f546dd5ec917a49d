package dev.paramcheck.maven;

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

/** What the two goals share: their parameters, and the one call into paramcheck-report. */
abstract class AbstractParamcheckMojo extends AbstractMojo {

  /**
   * Class output directories (or jars) whose {@code META-INF/paramcheck/*.json} records to read.
   * Default: the project's {@code ${project.build.outputDirectory}}.
   */
  @Parameter(property = "paramcheck.classesDirectories")
  List<File> classesDirectories;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  File projectOutputDirectory;

  /** Where report.json, report.md and index.html go. */
  @Parameter(property = "paramcheck.outputDirectory",
      defaultValue = "${project.build.directory}/paramcheck")
  File outputDirectory;

  /** The committed baseline to compare with; need not exist. */
  @Parameter(property = "paramcheck.baseline",
      defaultValue = "${project.basedir}/paramcheck-baseline.json")
  File baseline;

  /** The growth allowed against the baseline, in percent (params, bytes, and MACs where known). */
  @Parameter(property = "paramcheck.maxGrowth", defaultValue = "0")
  String maxGrowth;

  /** Whether a model missing from the baseline fails {@code check}. */
  @Parameter(property = "paramcheck.failOnNew", defaultValue = "false")
  boolean failOnNew;

  /** {@code check} writes the baseline from the records instead of failing on it. */
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
          new Check.Rules(growth, failOnNew), checks(), checks() && updateBaseline));
    } catch (ReportException e) {
      StringBuilder sb = new StringBuilder("paramcheck: cannot use this input:");
      for (Problem p : e.problems()) {
        getLog().error(p.toString());
        sb.append("\n  ").append(p);
      }
      throw new MojoFailureException(sb.toString());
    }
    for (String note : outcome.notes()) {
      getLog().info(note);
    }
    return outcome;
  }
}
