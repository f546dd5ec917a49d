package dev.paramcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the processor's records from class output directories ({@code DIR/META-INF/paramcheck/})
 * and jars ({@code META-INF/paramcheck/} inside), or a record file given directly. Every failure is
 * a {@link Problem} naming the file; reading goes on past one, so a single run lists them all.
 */
public final class RecordReader {
  /** Where the processor writes its records, relative to the class output. */
  public static final String RECORD_DIRECTORY = "META-INF/paramcheck/";

  /** A record larger than this is refused rather than read into memory. */
  static final long MAX_RECORD_BYTES = 64L * 1024 * 1024;

  /** What was read: the records, sorted by model name, and the problems, in input order. */
  public record Result(List<ModelRecord> records, List<Problem> problems) {
    public Result {
      records = List.copyOf(records);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Result read(List<Path> inputs) {
    List<Problem> problems = new ArrayList<>();
    Map<String, ModelRecord> byModel = new LinkedHashMap<>();
    for (Path input : inputs) {
      for (ModelRecord r : readOne(input, problems)) {
        ModelRecord earlier = byModel.putIfAbsent(r.model(), r);
        if (earlier != null) {
          problems.add(new Problem(r.origin(),
              "model " + r.model() + " is recorded twice, here and in " + earlier.origin()
                  + "; give each class output directory or jar once"));
        }
      }
    }
    List<ModelRecord> records = new ArrayList<>(byModel.values());
    records.sort(Comparator.comparing(ModelRecord::model));
    return new Result(records, problems);
  }

  private List<ModelRecord> readOne(Path input, List<Problem> problems) {
    List<ModelRecord> out = new ArrayList<>();
    if (Files.isDirectory(input)) {
      readDirectory(input, out, problems);
    } else if (!Files.exists(input)) {
      problems.add(new Problem(input.toString(), "no such file or directory"));
    } else if (isJar(input)) {
      readJar(input, out, problems);
    } else if (input.getFileName().toString().endsWith(".json")) {
      readFile(input, false, out, problems);
    } else {
      problems.add(new Problem(input.toString(),
          "neither a directory, a jar nor a .json record; give class output directories or jars"));
    }
    return out;
  }

  private static boolean isJar(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".jar") || n.endsWith(".zip") || n.endsWith(".war");
  }

  private void readDirectory(Path classes, List<ModelRecord> out, List<Problem> problems) {
    Path dir = classes.resolve(RECORD_DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return; // a class output without models: nothing to report, nothing wrong
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(dir.toString(), "cannot list the directory (" + reason(e) + ")"));
      return;
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path p : files) {
      readFile(p, true, out, problems);
    }
  }

  private void readFile(
      Path file, boolean named, List<ModelRecord> out, List<Problem> problems) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_RECORD_BYTES) {
        problems.add(new Problem(file.toString(), "larger than " + MAX_RECORD_BYTES
            + " bytes; not a paramcheck record"));
        return;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(new Problem(file.toString(), "cannot read the file (" + reason(e) + ")"));
      return;
    }
    parse(bytes, file.toString(), named ? file.getFileName().toString() : null, out, problems);
  }

  private void readJar(Path jar, List<ModelRecord> out, List<Problem> problems) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      Enumeration<? extends ZipEntry> e = zip.entries();
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (!entry.isDirectory()
            && name.startsWith(RECORD_DIRECTORY)
            && name.endsWith(".json")
            && name.indexOf('/', RECORD_DIRECTORY.length()) < 0) {
          entries.add(entry);
        }
      }
      entries.sort(Comparator.comparing(ZipEntry::getName));
      for (ZipEntry entry : entries) {
        String where = jar + "!/" + entry.getName();
        if (entry.getSize() > MAX_RECORD_BYTES) {
          problems.add(new Problem(where, "larger than " + MAX_RECORD_BYTES
              + " bytes; not a paramcheck record"));
          continue;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readNBytes((int) Math.min(MAX_RECORD_BYTES + 1, Integer.MAX_VALUE - 8));
        } catch (IOException | RuntimeException ex) {
          problems.add(new Problem(where, "cannot read the entry (" + reason(ex) + ")"));
          continue;
        }
        if (bytes.length > MAX_RECORD_BYTES) {
          problems.add(new Problem(where, "larger than " + MAX_RECORD_BYTES
              + " bytes; not a paramcheck record"));
          continue;
        }
        String fileName = entry.getName().substring(RECORD_DIRECTORY.length());
        parse(bytes, where, fileName, out, problems);
      }
    } catch (ZipException e) {
      problems.add(new Problem(jar.toString(), "not a readable jar (" + reason(e) + ")"));
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(jar.toString(), "cannot read the jar (" + reason(e) + ")"));
    }
  }

  private static void parse(
      byte[] bytes, String where, String fileName, List<ModelRecord> out, List<Problem> problems) {
    ModelRecord r;
    try {
      r = RecordParser.parse(bytes, where);
    } catch (RecordParser.InvalidRecord e) {
      problems.add(new Problem(where, e.getMessage()));
      return;
    }
    String expected = r.model() + ".json";
    if (fileName != null && !fileName.equals(expected)) {
      problems.add(new Problem(where, "the record is for model " + r.model()
          + " but the file is not named " + expected));
      return;
    }
    out.add(r);
  }

  static String reason(Exception e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null ? kind : RecordParser.oneLine(m);
  }
}
