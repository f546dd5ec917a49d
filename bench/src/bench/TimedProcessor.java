package bench;

import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs another processor (paramcheck's, or the one named by {@code -J-Dbench.delegate=...}) and
 * measures the time spent inside its {@code init} and {@code process} calls: the processor's own
 * time, including the Filer and JavaPoet work it does, excluding javac's parsing, entering and
 * compiling of what it generated. Prints one line to stderr when processing is over:
 *
 * <pre>[bench] processor-ns init=... process=... rounds=... max-round=...</pre>
 */
public final class TimedProcessor implements Processor {
  private final Processor delegate;
  private long initNanos;
  private long processNanos;
  private long maxRoundNanos;
  private int rounds;

  public TimedProcessor() {
    String name = System.getProperty("bench.delegate", "dev.paramcheck.processor.ParamCheckProcessor");
    try {
      delegate =
          (Processor) Class.forName(name, true, TimedProcessor.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load " + name, e);
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    long start = System.nanoTime();
    delegate.init(env);
    initNanos += System.nanoTime() - start;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    try {
      return delegate.process(annotations, round);
    } finally {
      long took = System.nanoTime() - start;
      processNanos += took;
      maxRoundNanos = Math.max(maxRoundNanos, took);
      rounds++;
      if (round.processingOver()) {
        System.err.printf(
            "[bench] processor-ns init=%d process=%d rounds=%d max-round=%d%n",
            initNanos, processNanos, rounds, maxRoundNanos);
        int histogram = Integer.getInteger("bench.histogram", 0);
        if (histogram > 0) {
          printHistogram(histogram);
        }
      }
    }
  }

  /**
   * With {@code -J-Dbench.histogram=LINES}: the live heap when processing is over (javac has
   * parsed and entered every file, generated ones included, and attributes and generates next),
   * as the JVM's GC.class_histogram prints it, after a full GC.
   */
  private static void printHistogram(int lines) {
    try {
      Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
          "gcClassHistogram",
          new Object[] {new String[0]},
          new String[] {String[].class.getName()});
      String[] all = text.toString().split("\n");
      StringBuilder out = new StringBuilder("[bench] live heap when processing is over:\n");
      for (int i = 0; i < all.length; i++) {
        if (i < lines + 2 || i == all.length - 1) {
          out.append(all[i]).append('\n');
        }
      }
      System.err.print(out);
    } catch (Exception e) {
      System.err.println("[bench] no class histogram: " + e);
    }
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
