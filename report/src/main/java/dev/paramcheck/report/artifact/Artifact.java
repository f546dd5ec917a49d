package dev.paramcheck.report.artifact;

import java.util.List;

/**
 * What a model file says about its architecture: its layers with their tensors' shapes, in the
 * order the model applies them, and the convention it was made in.
 *
 * @param file the file as the user named it, for messages
 * @param format {@code ONNX}, {@code SAFETENSORS}, {@code KERAS} ({@code .keras}), {@code KERAS_H5}
 *     (legacy {@code .h5}), {@code TFJS} ({@code model.json})
 * @param convention {@code KERAS} or {@code PYTORCH}: whose layout the weights follow, as the file
 *     says (ONNX's producer name, PyTorch's parameter names, Keras's config); {@code null} when it
 *     does not say
 * @param producer the exporter as the file names it ({@code pytorch 2.5.0}, {@code keras 3.15.0}),
 *     or empty
 * @param notes what the reader noticed without it being an error (a tensor no layer uses)
 */
public record Artifact(String file, String format, String convention, String producer,
    List<ArtifactLayer> layers, List<String> notes) {
  public Artifact {
    layers = List.copyOf(layers);
    notes = List.copyOf(notes);
  }

  /** The file name without directories, as messages say it. */
  public String fileName() {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1);
  }
}
