package dev.paramcheck.processor;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Problem;
import dev.paramcheck.model.Site;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
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
    ModelReader.Location location =
        site.member() == Site.PACKAGE ? model.policies() : model.locations().get(site.member());
    AnnotationMirror mirror = site.annotation() < 0 ? null : location.mirrors().get(site.annotation());
    AnnotationValue value = mirror == null || site.attribute() == null ? null : explicit(mirror, site.attribute());
    print(kind(problem.message()), problem.text(), location.element(), mirror, value);
  }

  /**
   * The value written for {@code name}, or null when the default applies (then the mirror is
   * underlined). {@code name[i]} is element {@code i} of an array value, such as one of {@code
   * @From}'s fields.
   */
  private static AnnotationValue explicit(AnnotationMirror mirror, String name) {
    int bracket = name.indexOf('[');
    String attribute = bracket < 0 ? name : name.substring(0, bracket);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        AnnotationValue value = e.getValue();
        if (bracket >= 0 && value.getValue() instanceof java.util.List<?> elements) {
          int index = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
          if (index < elements.size() && elements.get(index) instanceof AnnotationValue element) {
            return element;
          }
        }
        return value;
      }
    }
    return null;
  }

  private Diagnostic.Kind kind(Message message) {
    return switch (message.kind()) {
      case ERROR -> Diagnostic.Kind.ERROR;
      case BUDGET -> options.budgetKind();
      case WARNING -> Diagnostic.Kind.WARNING;
      case NOTE -> Diagnostic.Kind.NOTE;
    };
  }

  /** Prints a message on an element (and nothing more precise). */
  void report(Message message, Element element, Object... args) {
    print(kind(message), message.format(args), element, null, null);
  }

  /** Prints a message that belongs to no element, such as an invalid option. */
  void report(Message message, Object... args) {
    String text = message.format(args);
    if (printed.add(new Printed(text, null, null, null))) {
      messager.printMessage(kind(message), text);
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
