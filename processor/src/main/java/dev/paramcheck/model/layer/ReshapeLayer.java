package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Reshape(target_shape)} (keras/src/layers/reshaping/reshape.py, {@code
 * operation_utils.compute_reshape_output_shape}): no weights; one {@code -1} is resolved from the
 * input's size ({@code None} if a size is unknown); the element counts must be equal ("The total
 * size of the tensor must be unchanged").
 */
public record ReshapeLayer(List<Integer> targetShape) implements Layer {
  static ReshapeLayer from(Attributes a) {
    return new ReshapeLayer(a.ints("targetShape"));
  }

  @Override
  public String kerasClass() {
    return "Reshape";
  }

  @Override
  public String defaultName() {
    return "reshape";
  }

  @Override
  public String annotation() {
    return "Reshape";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    if (targetShape.isEmpty()) {
      return List.of(Refusal.of(Message.BAD_VALUE, "targetShape", context.ref(),
          "targetShape is empty: write the output's shape without the batch axis"));
    }
    if (targetShape.stream().filter(d -> d == -1).count() > 1) {
      return List.of(Refusal.of(Message.BAD_VALUE, "targetShape", context.ref(),
          "targetShape = " + targetShape + " has more than one -1: only one size can be inferred"));
    }
    return Shapes.checkDeclared(targetShape, "targetShape", context);
  }

  @Override
  public Step output(Shape input, Context context) {
    List<Long> out = new ArrayList<>(targetShape.size());
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.size(); i++) {
      int d = targetShape.get(i);
      if (d == -1) {
        unknownAt = i;
        out.add(Shape.UNKNOWN);
      } else {
        known = Math.multiplyExact(known, d);
        out.add((long) d);
      }
    }
    if (input.elements().isEmpty()) {
      return Step.of(new Shape(out));
    }
    long elements = input.elements().getAsLong();
    if (unknownAt >= 0) {
      if (elements % known != 0) {
        return refuse(input, context, elements + " elements do not divide into parts of " + known);
      }
      out.set(unknownAt, elements / known);
    } else if (known != elements) {
      return refuse(input, context, "it has " + elements + " elements, the target " + known
          + " (Keras: \"The total size of the tensor must be unchanged\")");
    }
    return Step.of(new Shape(out));
  }

  private Step refuse(Shape input, Context context, String why) {
    return Step.refuse(Message.RESHAPE_INVALID, "targetShape", context.ref(), input,
        Shape.ofDeclared(targetShape), why + "; write a targetShape with as many elements, or one -1");
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
