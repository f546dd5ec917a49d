package bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where javac's time goes, from a JFR recording of one javac run (bench/profile.sh): execution
 * samples of the Java threads, each put in one bucket by the innermost frame that belongs to
 * paramcheck's code, the JavaPoet shaded into it, javac's Filer, or the floor processor; samples in
 * none of them are javac's own, split by compiler phase. Also lists the methods of paramcheck (own
 * code, innermost frame, so "inclusive" of the JavaPoet, Filer and JDK calls they make) and the
 * hottest leaf methods, and GC and JIT time, which samples of Java threads do not show.
 *
 * <pre>java -cp bench/target/... bench.JfrSummary recording.jfr [top]</pre>
 */
public final class JfrSummary {
  private JfrSummary() {}

  private static final String SHADED = "dev.paramcheck.processor.shaded.";

  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Integer> buckets = new LinkedHashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> leaves = new HashMap<>();
    Map<String, Integer> oursLeaf = new HashMap<>();
    Map<String, Integer> rounds = new HashMap<>();
    Map<String, Integer> calls = new HashMap<>();
    int samples = 0;
    Duration gc = Duration.ZERO;
    Duration jit = Duration.ZERO;
    long jitCount = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gc = gc.plus(e.getDuration());
        continue;
      }
      if (type.equals("jdk.Compilation")) {
        jit = jit.plus(e.getDuration());
        jitCount++;
        continue;
      }
      if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      leaves.merge(name(frames.get(0)), 1, Integer::sum);
      String bucket = null;
      String ourMethod = null;
      String ourCallee = null;
      for (int k = 0; k < frames.size(); k++) {
        RecordedFrame f = frames.get(k);
        String cls = f.getMethod().getType().getName();
        if (bucket == null) {
          if (cls.startsWith(SHADED)) {
            bucket = "processor: JavaPoet (shaded)";
          } else if (cls.startsWith("com.sun.tools.javac.processing.JavacFiler")) {
            bucket = "processor: javac's Filer";
          } else if (cls.startsWith("dev.paramcheck.")) {
            bucket = "processor: paramcheck's own code (and the JDK calls it makes)";
          } else if (cls.startsWith("bench.FloorProcessor")) {
            bucket = "floor processor";
          }
        }
        if (ourMethod == null && cls.startsWith("dev.paramcheck.") && !cls.startsWith(SHADED)) {
          ourMethod = name(f);
          ourCallee = k == 0 ? "(self)" : name(frames.get(k - 1));
        }
      }
      if (ourMethod != null) {
        ours.merge(ourMethod, 1, Integer::sum);
        calls.merge(ourMethod + " > " + ourCallee, 1, Integer::sum);
      }
      if (bucket != null && bucket.startsWith("processor: paramcheck")) {
        oursLeaf.merge(name(frames.get(0)), 1, Integer::sum);
      }
      if (bucket == null) {
        bucket = "javac: " + phase(frames);
        if (bucket.startsWith("javac: processAnnotations")) {
          rounds.merge(roundPath(frames), 1, Integer::sum);
        }
      }
      buckets.merge(bucket, 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%d execution samples of Java threads%n%n", samples);
    System.out.println("Samples by bucket (innermost matching frame):");
    print(buckets, samples, 100);
    System.out.println();
    System.out.println("javac's own processAnnotations samples, by call path below doProcessing:");
    print(rounds, samples, top);
    System.out.println();
    System.out.println("paramcheck methods, innermost paramcheck frame of each sample (what they call included):");
    print(ours, samples, top);
    System.out.println();
    System.out.println("The same, by the method each calls (JavaPoet, the Filer, javac, the JDK):");
    print(calls, samples, top);
    System.out.println();
    System.out.println("Leaf methods of the samples in paramcheck's own code bucket:");
    print(oursLeaf, samples, top);
    System.out.println();
    System.out.println("Hottest leaf methods, all samples:");
    print(leaves, samples, top);
    System.out.println();
    System.out.printf(Locale.ROOT, "GC pauses (jdk.GarbageCollection, summed): %d ms%n", gc.toMillis());
    System.out.printf(Locale.ROOT, "JIT compilations (jdk.Compilation, only those above the recording's"
        + " threshold): %d, %d ms%n", jitCount, jit.toMillis());
  }

  /** The JavaCompiler phase the sample is in: the frame JavaCompiler.compile called. */
  private static String phase(List<RecordedFrame> frames) {
    for (int i = frames.size() - 1; i > 0; i--) {
      RecordedMethod m = frames.get(i).getMethod();
      if (m.getType().getName().equals("com.sun.tools.javac.main.JavaCompiler") && m.getName().equals("compile")) {
        RecordedMethod callee = frames.get(i - 1).getMethod();
        String phase = callee.getType().getName().endsWith("JavaCompiler") ? callee.getName() : "compile (other)";
        if (phase.equals("processAnnotations")) {
          return "processAnnotations (rounds: javac parsing and entering generated files, round bookkeeping)";
        }
        return phase;
      }
    }
    return "other (startup, class loading, outside JavaCompiler.compile)";
  }

  /** Up to four frames below JavacProcessingEnvironment.doProcessing, outermost first. */
  private static String roundPath(List<RecordedFrame> frames) {
    for (int i = frames.size() - 1; i > 0; i--) {
      RecordedMethod m = frames.get(i).getMethod();
      if (m.getName().equals("doProcessing") && m.getType().getName().endsWith("JavacProcessingEnvironment")) {
        StringBuilder path = new StringBuilder();
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
          RecordedMethod c = frames.get(j).getMethod();
          String t = c.getType().getName();
          path.append(j < i - 1 ? " > " : "").append(t.substring(t.lastIndexOf('.') + 1)).append('.').append(c.getName());
        }
        return path.toString();
      }
    }
    return "(not under doProcessing)";
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(Map<String, Integer> counts, int total, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf(
            Locale.ROOT, "  %6d  %5.1f%%  %s%n", en.getValue(), 100.0 * en.getValue() / total, en.getKey()));
  }
}
