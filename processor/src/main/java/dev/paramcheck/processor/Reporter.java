package dev.paramcheck.processor;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Problem;
import dev.paramcheck.model.Site;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints problems, each once, on the element, annotation mirror and value at fault, so that IDEs
 * underline the right thing.
 */
final class Reporter {
  private final Messager messager;
  private final Options options;
  private final Set<Printed> printed = new HashSet<>();

  /**
   * What makes a diagnostic the same one: its text and where it is. Elements and mirrors compare
   * by identity, so the same text on two models' fields of the same name is printed for each.
   */
  private record Printed(String text, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  Reporter(Messager messager, Options options) {
    this.messager = messager;
    this.options = options;
  }

  void report(ModelReader.ReadModel model, Problem problem) {
    Site site = problem.site();
    ModelReader.Location location = model.locations().get(site.member());
    AnnotationMirror mirror = null;
    if (site.part() != null) {
      switch (site.part()) {
        case LAYER:
          mirror = location.layers().get(site.index());
          break;
        case BIDIRECTIONAL:
          mirror = location.bidirectional();
          break;
        case BUDGET:
          mirror = location.budget();
          break;
        default:
          throw new AssertionError(site.part());
      }
    }
    AnnotationValue value =
        mirror == null || site.attribute() == null ? null : ModelReader.explicit(mirror, site.attribute());
    Diagnostic.Kind kind = problem.message().isBudget() ? options.budgetKind() : Diagnostic.Kind.ERROR;
    print(kind, problem.text(), location.element(), mirror, value);
  }

  /** Prints one error on an element (and nothing more precise). */
  void error(Message message, Element element, Object... args) {
    print(Diagnostic.Kind.ERROR, message.format(args), element, null, null);
  }

  /** Prints a note on an element: information, never a warning that {@code -Werror} would fail on. */
  void note(Message message, Element element, Object... args) {
    print(Diagnostic.Kind.NOTE, message.format(args), element, null, null);
  }

  /** Prints an error that belongs to no element, such as an invalid option. */
  void error(String text) {
    if (printed.add(new Printed(text, null, null, null))) {
      messager.printMessage(Diagnostic.Kind.ERROR, text);
    }
  }

  private void print(
      Diagnostic.Kind kind, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {
    if (!printed.add(new Printed(text, element, mirror, value))) {
      return; // one problem, one message
    }
    messager.printMessage(kind, text, element, mirror, value);
  }
}
