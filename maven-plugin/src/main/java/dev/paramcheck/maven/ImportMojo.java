package dev.paramcheck.maven;

import dev.paramcheck.report.artifact.ArtifactException;
import dev.paramcheck.report.artifact.ModelImporter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the annotated Java class for a model file a team already has:
 * {@code mvn paramcheck:import -Dparamcheck.file=tagger.keras -Dparamcheck.class=com.acme.Tagger}.
 * Keras configs (.keras, .h5, TF.js model.json) and ONNX files exported from PyTorch; a layer
 * paramcheck cannot express fails the goal naming it. An existing class is never overwritten.
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractMojo {
  /** The model file. */
  @Parameter(property = "paramcheck.file", required = true)
  File file;

  /** The class to write, by its full name. */
  @Parameter(property = "paramcheck.class", required = true)
  String className;

  /** The source root the class goes under. */
  @Parameter(property = "paramcheck.sourceDirectory",
      defaultValue = "${project.build.sourceDirectory}")
  File sourceDirectory;

  @Override
  public void execute() throws MojoFailureException {
    String source;
    try {
      source = ModelImporter.importModel(file.toPath(), file.getPath(), className);
    } catch (ArtifactException e) {
      throw new MojoFailureException("paramcheck: " + e.getMessage());
    }
    Path target = sourceDirectory.toPath().resolve(className.replace('.', '/') + ".java");
    if (Files.exists(target)) {
      throw new MojoFailureException("paramcheck: " + target + " exists; not overwriting it");
    }
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException("paramcheck: cannot write " + target + ": " + e.getMessage());
    }
    getLog().info("paramcheck: wrote " + target);
  }
}
