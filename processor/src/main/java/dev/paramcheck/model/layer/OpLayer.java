package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Names;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * A Keras operation on a tensor that Keras prints as its own row ({@code x[:, -1]} is {@code
 * GetItem}): no weights, named by Keras's naming rules from its type, its output the input's shape
 * unless declared.
 */
public record OpLayer(String type, List<Integer> outputShape) implements Layer {
  static OpLayer from(Attributes a) {
    return new OpLayer(a.text("type"), a.ints("outputShape"));
  }

  @Override
  public String kerasClass() {
    return type;
  }

  @Override
  public String defaultName() {
    return Names.snake(type);
  }

  @Override
  public String annotation() {
    return "Op";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    if (!type.matches("[A-Z][A-Za-z0-9]*")) {
      return List.of(Refusal.of(Message.BAD_VALUE, "type", context.ref(),
          "type = \"" + type + "\" is not a Keras operation class: write its class name, such as GetItem,"
              + " ExpandDims or NotEqual"));
    }
    return Shapes.checkDeclared(outputShape, "outputShape", context);
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(outputShape.isEmpty() ? input : Shape.ofDeclared(outputShape));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
