package bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every summary class compiled from another shape of the source returns the same
 * {@code table()} text as the one paramcheck generated.
 *
 * <pre>
 * java bench.SameTables REFERENCE_CLASSES OTHER_CLASSES...
 * </pre>
 *
 * Exits with 1, naming the first class that differs, if one does.
 */
public final class SameTables {
  private SameTables() {}

  public static void main(String[] args) throws Exception {
    Path reference = Path.of(args[0]);
    List<String> names;
    try (Stream<Path> files = Files.walk(reference)) {
      names = files.map(reference::relativize).map(Path::toString)
          .filter(p -> p.endsWith("Summary.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted().collect(Collectors.toList());
    }
    try (URLClassLoader ref = loader(reference)) {
      for (int i = 1; i < args.length; i++) {
        try (URLClassLoader other = loader(Path.of(args[i]))) {
          for (String name : names) {
            if (!table(ref, name).equals(table(other, name))) {
              System.err.println("table() of " + name + " in " + args[i] + " differs");
              System.exit(1);
            }
          }
        }
        System.out.println(args[i] + ": " + names.size() + " tables, the same text");
      }
    }
  }

  private static URLClassLoader loader(Path dir) throws Exception {
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
  }

  private static String table(ClassLoader loader, String name) throws Exception {
    Method table = Class.forName(name, false, loader).getMethod("table");
    return (String) table.invoke(null);
  }
}
