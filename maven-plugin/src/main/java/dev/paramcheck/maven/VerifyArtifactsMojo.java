package dev.paramcheck.maven;

import dev.paramcheck.report.Problem;
import dev.paramcheck.report.artifact.ArtifactCheck;
import dev.paramcheck.report.artifact.Finding;
import dev.paramcheck.report.artifact.Verification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks each shipped model file against the declaration of its model: every layer's weight
 * shapes, the totals, the precision and the budgets (docs/artifacts.md). A disagreement fails the
 * build with what to change; {@code target/paramcheck/artifacts.md} gets a table of the files.
 *
 * <pre>{@code
 * <artifacts>
 *   <artifact><model>com.acme.Tagger</model><file>src/main/resources/tagger.onnx</file></artifact>
 * </artifacts>
 * }</pre>
 */
@Mojo(name = "verify-artifacts", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyArtifactsMojo extends AbstractMojo {

  /** The model files and their models. */
  @Parameter
  List<ArtifactFile> artifacts;

  /** Class output directories (or jars) with the records; default the project's. */
  @Parameter(property = "paramcheck.classesDirectories")
  List<File> classesDirectories;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  File projectOutputDirectory;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Where artifacts.md goes. */
  @Parameter(property = "paramcheck.outputDirectory",
      defaultValue = "${project.build.directory}/paramcheck")
  File outputDirectory;

  /** Skip the goal. */
  @Parameter(property = "paramcheck.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("paramcheck: verify-artifacts skipped");
      return;
    }
    if (artifacts == null || artifacts.isEmpty()) {
      throw new MojoFailureException("paramcheck: verify-artifacts has no <artifacts>; add"
          + " <artifact><model>com.acme.Tagger</model><file>src/main/resources/tagger.onnx</file>"
          + "</artifact>");
    }
    List<ArtifactCheck.Spec> specs = new ArrayList<>();
    for (ArtifactFile a : artifacts) {
      if (a.model == null || a.model.isBlank() || a.file == null) {
        throw new MojoFailureException("paramcheck: each <artifact> needs a <model> and a <file>");
      }
      Path p = a.file.toPath();
      Path base = basedir.toPath().toAbsolutePath();
      String shown = p.toAbsolutePath().startsWith(base)
          ? base.relativize(p.toAbsolutePath()).toString() : p.toString();
      specs.add(new ArtifactCheck.Spec(a.model.trim(), p, shown));
    }
    List<Path> inputs = new ArrayList<>();
    if (classesDirectories == null || classesDirectories.isEmpty()) {
      inputs.add(projectOutputDirectory.toPath());
    } else {
      classesDirectories.forEach(f -> inputs.add(f.toPath()));
    }
    ArtifactCheck.Outcome o = ArtifactCheck.run(inputs, specs);
    StringBuilder failure = new StringBuilder();
    for (Problem p : o.problems()) {
      getLog().error(p.toString());
      failure.append("\n  ").append(p);
    }
    for (Verification v : o.verifications()) {
      String line = "paramcheck: " + v.file() + " (" + v.model() + "): " + v.status();
      if (v.passed()) {
        getLog().info(line);
      } else {
        getLog().error(line);
      }
      for (Finding f : v.findings()) {
        if (f.severity() == Finding.Severity.NOTE) {
          getLog().info("  " + f);
        } else {
          getLog().error("  " + f);
          failure.append("\n  ").append(f);
        }
      }
    }
    try {
      ArtifactCheck.write(o, outputDirectory.toPath());
    } catch (IOException e) {
      getLog().warn("paramcheck: cannot write artifacts.md: " + e.getMessage());
    }
    if (!o.passed()) {
      throw new MojoFailureException("paramcheck: a model file disagrees with its declaration:"
          + failure);
    }
  }
}
