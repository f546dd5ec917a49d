package dev.paramcheck.report.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a model file for its architecture, choosing the reader by the file's name and, where the
 * name says nothing, its first bytes. Every failure is an {@link ArtifactException} naming the file;
 * nothing else escapes.
 */
public final class ArtifactReaders {
  private ArtifactReaders() {}

  /**
   * Reads {@code path}; {@code shown} is how messages name it (the path as configured).
   */
  public static Artifact read(Path path, String shown) throws ArtifactException {
    if (!Files.exists(path)) {
      throw new ArtifactException(shown, "does not exist");
    }
    if (!Files.isRegularFile(path)) {
      throw new ArtifactException(shown, "is not a file");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String format = formatOf(name, path, shown);
    try {
      return switch (format) {
        case "ONNX" -> OnnxReader.read(path, shown);
        case "SAFETENSORS" -> SafetensorsReader.read(path, shown);
        case "KERAS" -> KerasReader.readKeras(path, shown);
        case "KERAS_H5" -> KerasReader.readH5(path, shown);
        case "TFJS" -> KerasReader.readTfjs(path, shown);
        default -> throw new IllegalStateException(format);
      };
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ArtifactException(shown, "corrupt or not a " + format.toLowerCase(Locale.ROOT)
          + " file (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    return l.length() > 200 ? l.substring(0, 200) + "..." : l;
  }

  static String formatOf(String name, Path path, String shown) throws ArtifactException {
    if (name.endsWith(".onnx")) {
      return "ONNX";
    }
    if (name.endsWith(".safetensors")) {
      return "SAFETENSORS";
    }
    if (name.endsWith(".keras")) {
      return "KERAS";
    }
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return "KERAS_H5";
    }
    if (name.endsWith(".json")) {
      return "TFJS";
    }
    if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".ckpt")) {
      throw new ArtifactException(shown, "TorchScript and pickled PyTorch files are not read"
          + " (unpickling runs code, and their shapes live inside the pickle); save the weights as"
          + " safetensors: safetensors.torch.save_file(model.state_dict(), \"model.safetensors\")");
    }
    byte[] head = new byte[9];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new ArtifactException(shown, "cannot be read: " + e.getMessage());
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return "KERAS";
    }
    if (n >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
      return "KERAS_H5";
    }
    if (n == 9 && head[8] == '{') {
      return "SAFETENSORS";
    }
    throw new ArtifactException(shown, "not a model file paramcheck reads: name it .onnx,"
        + " .safetensors, .keras, .h5 or model.json (TensorFlow.js)");
  }
}
