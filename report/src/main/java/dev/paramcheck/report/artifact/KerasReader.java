package dev.paramcheck.report.artifact;

import java.nio.file.Path;

/** Keras files: {@code .keras} (config.json and model.weights.h5), legacy {@code .h5}, TF.js model.json. */
final class KerasReader {
  private KerasReader() {}

  static Artifact readKeras(Path path, String shown) throws ArtifactException {
    throw new ArtifactException(shown, ".keras files are not read yet");
  }

  static Artifact readH5(Path path, String shown) throws ArtifactException {
    throw new ArtifactException(shown, ".h5 files are not read yet");
  }

  static Artifact readTfjs(Path path, String shown) throws ArtifactException {
    throw new ArtifactException(shown, "model.json files are not read yet");
  }
}
