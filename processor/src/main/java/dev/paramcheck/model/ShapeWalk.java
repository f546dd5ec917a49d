package dev.paramcheck.model;

import dev.paramcheck.model.layer.Context;
import dev.paramcheck.model.layer.EmbeddingLayer;
import dev.paramcheck.model.layer.TextVectorizationLayer;
import dev.paramcheck.model.layer.Layer;
import dev.paramcheck.model.layer.LayerKinds;
import dev.paramcheck.model.layer.ModelInput;
import dev.paramcheck.model.layer.Recurrent;
import dev.paramcheck.model.layer.BidirectionalLayer;
import dev.paramcheck.model.layer.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Walks the layers in order, from the input the first one declares, and finds each layer's input
 * and output shape. A problem that leaves a layer's output unknown stops the walk, so that one
 * mistake never causes a second error; a problem that does not (a wrong {@code features}
 * assertion, a missing time axis) lets it go on, so that the user sees every independent mistake
 * in one compile.
 */
final class ShapeWalk {
  /** A layer with its shapes. */
  /**
   * A walked layer.
   *
   * @param input its first input, what the table and the record show
   * @param inputs every tensor it is called on, in call order (an attention layer's query, value and
   *     key)
   */
  record Walked(Declared declared, Layer layer, Context context, Shape input, Shape output, List<Shape> inputs) {
    Walked {
      inputs = List.copyOf(inputs);
    }

    Walked(Declared declared, Layer layer, Context context, Shape input, Shape output) {
      this(declared, layer, context, input, output, List.of(input));
    }
  }

  /** The outcome: every layer walked, or the walk stopped at a layer whose output is unknown. */
  sealed interface Result {
    List<Walked> walked();

    List<Problem> problems();

    record Complete(List<Walked> walked, List<Problem> problems) implements Result {}

    record Stopped(List<Walked> walked, List<Problem> problems) implements Result {}
  }

  private final List<Walked> walked = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  /** The layer whose output lost the time axis, and how to keep it, for the needs-sequence fix. */
  private String timeLostFix;
  /** The reference of that layer, which the fix names. */
  private String timeLostRef;

  private ShapeWalk() {}

  static Result walk(List<Declared> layers) {
    ShapeWalk walk = new ShapeWalk();
    boolean complete = walk.run(layers);
    return complete
        ? new Result.Complete(walk.walked, walk.problems)
        : new Result.Stopped(walk.walked, walk.problems);
  }

  private boolean run(List<Declared> layers) {
    Shape previous = null;
    for (int position = 0; position < layers.size(); position++) {
      Declared d = layers.get(position);
      if (d.layer().isEmpty()) {
        return false; // its values were wrong: reported, and its output is unknown
      }
      Layer layer = d.layer().get();
      String before = position == 0 ? "the model's input" : layers.get(position - 1).ref();
      // token ids from a TextVectorization may feed an Embedding, as in Keras
      Layer producer = position == 0 ? null : layers.get(position - 1).layer().orElse(null);
      boolean ids = producer instanceof TextVectorizationLayer;
      Context context = new Context(d.ref(), position + 1, before, ids);
      if (ids && layer instanceof EmbeddingLayer embedding) {
        Graph.vocabulary(d, embedding, (TextVectorizationLayer) producer, before).ifPresent(problems::add);
      }
      Shape input;
      if (position == 0) {
        if (!(layer instanceof ModelInput first)) {
          problems.add(Problem.of(
              Message.NOT_AN_INPUT_LAYER,
              Site.annotation(d.at().member(), d.at().annotation()),
              d.ref(),
              LayerKinds.inputAnnotations()));
          return false;
        }
        Step declared = first.input(context);
        if (declared instanceof Step.Refused refused) {
          problems.add(d.problem(refused.refusal()));
          return false;
        }
        input = ((Step.Output) declared).shape();
      } else {
        input = previous;
        if (layer instanceof ModelInput asserted) {
          problems.addAll(checkAssertions(d, asserted, before, input, walked.get(walked.size() - 1).layer()));
        }
        if (layer.needsSequence() && !input.sequence()) {
          problems.add(Problem.of(
              Message.NEEDS_SEQUENCE,
              Site.annotation(d.at().member(), d.at().annotation()),
              d.ref(),
              before,
              input,
              before.equals(timeLostRef) ? timeLostFix.replace(timeLostRef, "it") : timeLostFix));
          input = Shape.sequence(OptionalLong.empty(), input.features()); // to check the rest
        }
      }
      Step step = layer.output(input, context);
      if (step instanceof Step.Refused refused) {
        problems.add(d.problem(refused.refusal()));
        return false;
      }
      Shape output = ((Step.Output) step).shape();
      if (!output.sequence() && (position == 0 || input.sequence())) {
        timeLostFix = fix(layer, d.ref(), position == 0 && !input.sequence());
        timeLostRef = d.ref();
      }
      walked.add(new Walked(d, layer, context, input, output));
      previous = output;
    }
    return true;
  }

  /**
   * Why the layer before outputs the features it does, when a wrapper changed them: a
   * {@code @Bidirectional} with {@code CONCAT} doubles its recurrent layer's units.
   */
  private static String wrapperNote(Layer producer) {
    if (producer instanceof BidirectionalLayer b && b.merge() == dev.paramcheck.Bidirectional.Merge.CONCAT) {
      return ", because @Bidirectional concatenates both directions: twice the " + b.inner().units()
          + " units of its @" + b.inner().annotation();
    }
    return "";
  }

  /** How to keep the time axis that {@code layer} removed. */
  private static String fix(Layer layer, String ref, boolean firstOnAVector) {
    if (layer instanceof Recurrent || layer instanceof BidirectionalLayer) {
      return "set returnSequences = true on " + ref + " so that it outputs the whole sequence";
    }
    if (firstOnAVector) {
      return "a first @" + layer.core().annotation() + " takes a plain vector unless it declares timesteps:"
          + " add timesteps = <length of the sequence> to " + ref + ", or start the model with a recurrent"
          + " layer (with features) or an @Embedding";
    }
    return ref + " removes the time axis: move it after this layer, or remove it";
  }

  /** {@code features} and {@code timesteps} written on a later layer must match its input. */
  static List<Problem> checkAssertions(
      Declared d, ModelInput asserted, String before, Shape input, Layer producer) {
    List<Problem> problems = new ArrayList<>(0);
    OptionalInt features = asserted.features();
    Site site = Site.annotation(d.at().member(), d.at().annotation());
    if (features.isPresent() && features.getAsInt() != input.features()) {
      problems.add(Problem.of(
          Message.FEATURES_MISMATCH,
          site.at("features"),
          features.getAsInt(),
          d.ref(),
          before,
          input.features(),
          input,
          wrapperNote(producer),
          input.features()));
    }
    OptionalInt timesteps = asserted.timesteps();
    if (timesteps.isPresent() && !input.timesteps().equals(OptionalLong.of(timesteps.getAsInt()))) {
      String fix = input.timesteps().isPresent()
          ? "remove timesteps to infer it, or set it to " + input.timesteps().getAsLong()
          : input.sequence()
              ? "its length is unknown: declare timesteps on the first layer, or remove it here"
              : "a plain vector has no time axis; remove timesteps";
      problems.add(Problem.of(
          Message.TIMESTEPS_MISMATCH, site.at("timesteps"), timesteps.getAsInt(), d.ref(), before, input, fix));
    }
    return problems;
  }
}
