package dev.paramcheck.report.artifact;

import java.util.List;
import java.util.Optional;

/**
 * One layer of a model file: the tensors one operator (ONNX), one module (PyTorch state_dict) or
 * one Keras layer holds.
 *
 * @param name the layer's name in the file (a module path, a Keras layer name, an ONNX node name)
 * @param kind what the file says it is: {@code LSTM}, {@code GRU}, {@code RNN}, {@code DENSE},
 *     {@code CONV1D}, {@code EMBEDDING}, {@code BATCH_NORM}, {@code LAYER_NORM}, {@code LINEAR_OR_EMBEDDING}
 *     (a PyTorch module with one 2-D {@code weight}, which a state_dict cannot tell apart), or
 *     {@code OTHER}
 * @param where how messages name it: {@code ONNX LSTM node 'LSTM_3'}, {@code module 'encoder'}
 * @param bidirectional whether the file holds both directions
 * @param fromClass the file's own layer class, where it has one ({@code LSTM}, {@code Gemm})
 * @param trainable whether the file marks the layer trainable (Keras configs; true elsewhere)
 */
public record ArtifactLayer(String name, String kind, String where, boolean bidirectional,
    String fromClass, boolean trainable, List<Tensor> tensors) {
  public ArtifactLayer {
    tensors = List.copyOf(tensors);
  }

  public Optional<Tensor> tensor(String role) {
    return tensors.stream().filter(t -> t.role().equals(role)).findFirst();
  }
}
