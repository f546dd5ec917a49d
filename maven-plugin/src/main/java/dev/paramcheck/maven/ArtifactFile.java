package dev.paramcheck.maven;

import java.io.File;

/**
 * One {@code <artifact>} of {@code verify-artifacts}:
 * {@code <artifact><model>com.acme.Tagger</model><file>src/main/resources/tagger.onnx</file></artifact>}.
 */
public class ArtifactFile {
  /** The model class, by its full (or, when unique, simple) name. */
  String model;

  /** The model file: .onnx, .safetensors, .keras, .h5 or a TensorFlow.js model.json. */
  File file;

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public File getFile() {
    return file;
  }

  public void setFile(File file) {
    this.file = file;
  }
}
