package dev.paramcheck.maven;

import dev.paramcheck.report.ModelRecord;
import dev.paramcheck.report.Problem;
import dev.paramcheck.report.ReportException;
import dev.paramcheck.report.SummaryCommand;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints every model's summary table (Keras's {@code model.summary()}, or torchinfo's for a
 * PyTorch model), exactly as its generated {@code table()} returns it, from the records in the
 * class output: {@code mvn compile paramcheck:summary}. No code to write, no report to open.
 */
@Mojo(name = "summary", threadSafe = true)
public class SummaryMojo extends AbstractMojo {
  /**
   * Class output directories (or jars) whose {@code META-INF/paramcheck/*.json} records to read.
   * Default: the project's {@code ${project.build.outputDirectory}} (target/classes).
   */
  @Parameter(property = "paramcheck.classesDirectories")
  List<File> classesDirectories;

  /** The project's class output, read when {@code classesDirectories} is not set. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  File projectOutputDirectory;

  /** Skip the goal. */
  @Parameter(property = "paramcheck.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("paramcheck: summary skipped");
      return;
    }
    List<Path> inputs = new ArrayList<>();
    if (classesDirectories == null || classesDirectories.isEmpty()) {
      inputs.add(projectOutputDirectory.toPath());
    } else {
      classesDirectories.forEach(f -> inputs.add(f.toPath()));
    }
    List<ModelRecord> records;
    try {
      records = SummaryCommand.records(inputs);
    } catch (ReportException e) {
      StringBuilder sb = new StringBuilder("paramcheck: no summary to print:");
      for (Problem p : e.problems()) {
        getLog().error(p.toString());
        sb.append("\n  ").append(p);
      }
      sb.append("\nCompile first: mvn compile paramcheck:summary");
      throw new MojoFailureException(sb.toString());
    }
    for (String line : SummaryCommand.render(records).split("\n", -1)) {
      getLog().info(line);
    }
  }
}
