package dev.paramcheck.report.artifact;

import dev.paramcheck.report.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's model-file commands: {@code verify-artifacts} (and {@code import}). Exit codes
 * as the report's: 0 all well, 1 a file disagrees with its declaration, 2 bad usage or input.
 */
public final class ArtifactCommands {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;

  static final String VERIFY_USAGE = String.join("\n",
      "usage: java -jar paramcheck-report.jar verify-artifacts --artifact MODEL=FILE... [--out DIR]"
          + " DIR_OR_JAR...",
      "",
      "Checks each model file (.onnx, .safetensors, .keras, .h5, TensorFlow.js model.json) against",
      "the record of its model (META-INF/paramcheck/MODEL.json in the class output): every layer's",
      "weight shapes, the totals, the precision and the budgets. See docs/artifacts.md.",
      "",
      "options:",
      "  --artifact MODEL=FILE  a model class (full or simple name) and its file; repeat per file",
      "  --out DIR              also write DIR/artifacts.md (a table for a CI job summary)",
      "  -h, --help             this text",
      "",
      "exit codes: 0 every file agrees, 1 a file disagrees, 2 bad usage or input");

  static final String IMPORT_USAGE = String.join("\n",
      "usage: java -jar paramcheck-report.jar import MODEL_FILE --class com.acme.Tagger [--out DIR]",
      "",
      "Writes the annotated Java class for a Keras config (.keras, .h5, TensorFlow.js model.json)",
      "or an ONNX file exported from PyTorch; compiling it gives the file's counts. Without --out",
      "the class goes to stdout; with it, to DIR/com/acme/Tagger.java (DIR is a source root such",
      "as src/main/java). An existing file is not overwritten.",
      "",
      "exit codes: 0 written, 2 bad usage, or a file or layer that cannot be imported");

  private ArtifactCommands() {}

  public static int importModel(String[] args, PrintStream out, PrintStream err) {
    try {
      String file = null;
      String cls = null;
      Path outDir = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          out.println(IMPORT_USAGE);
          return OK;
        } else if (a.equals("--class")) {
          cls = value(args, ++i, a);
        } else if (a.equals("--out")) {
          outDir = path(value(args, ++i, a));
        } else if (a.startsWith("-") && a.length() > 1) {
          throw new IllegalArgumentException("unknown option " + a);
        } else if (file == null) {
          file = a;
        } else {
          throw new IllegalArgumentException("give one model file, not " + file + " and " + a);
        }
      }
      if (file == null || cls == null) {
        throw new IllegalArgumentException("give a model file and --class com.acme.Name");
      }
      Path p = path(file);
      if (!java.nio.file.Files.isRegularFile(p)) {
        err.println("paramcheck-report: import: " + file + ": does not exist");
        return BAD_INPUT;
      }
      String source = ModelImporter.importModel(p, file, cls);
      if (outDir == null) {
        out.print(source);
        return OK;
      }
      Path target = outDir.resolve(cls.replace('.', '/') + ".java");
      if (java.nio.file.Files.exists(target)) {
        err.println("paramcheck-report: import: " + target + " exists; not overwriting it");
        return BAD_INPUT;
      }
      java.nio.file.Files.createDirectories(target.getParent());
      java.nio.file.Files.writeString(target, source, java.nio.charset.StandardCharsets.UTF_8);
      err.println("paramcheck-report: wrote " + target);
      return OK;
    } catch (ArtifactException e) {
      err.println("paramcheck-report: import: " + e.getMessage());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("paramcheck-report: import: " + e.getMessage());
      err.println("run import --help for the options");
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("paramcheck-report: import: cannot write: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  public static int verifyArtifacts(String[] args, PrintStream out, PrintStream err) {
    try {
      List<ArtifactCheck.Spec> specs = new ArrayList<>();
      List<Path> inputs = new ArrayList<>();
      Path outDir = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          out.println(VERIFY_USAGE);
          return OK;
        } else if (a.equals("--artifact")) {
          String v = value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0 || eq == v.length() - 1) {
            throw new IllegalArgumentException("--artifact takes MODEL=FILE, such as"
                + " com.acme.Tagger=src/main/resources/tagger.onnx, not " + v);
          }
          String file = v.substring(eq + 1);
          specs.add(new ArtifactCheck.Spec(v.substring(0, eq), path(file), file));
        } else if (a.equals("--out")) {
          outDir = path(value(args, ++i, a));
        } else if (a.startsWith("-") && a.length() > 1) {
          throw new IllegalArgumentException("unknown option " + a);
        } else {
          inputs.add(path(a));
        }
      }
      if (specs.isEmpty()) {
        throw new IllegalArgumentException("give at least one --artifact MODEL=FILE");
      }
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("give the class output directory or jar that holds"
            + " the models' records");
      }
      ArtifactCheck.Outcome o = ArtifactCheck.run(inputs, specs);
      for (Problem p : o.problems()) {
        err.println("paramcheck-report: error: " + p);
      }
      report(o, err);
      if (outDir != null) {
        err.println("paramcheck-report: wrote " + ArtifactCheck.write(o, outDir));
      }
      if (!o.problems().isEmpty()) {
        return BAD_INPUT;
      }
      return o.passed() ? OK : FAILED;
    } catch (IllegalArgumentException e) {
      err.println("paramcheck-report: verify-artifacts: " + e.getMessage());
      err.println("run verify-artifacts --help for the options");
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("paramcheck-report: verify-artifacts: cannot write: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  /** One line per file, then its findings; the same lines the Maven goal logs. */
  public static void report(ArtifactCheck.Outcome o, PrintStream err) {
    for (Verification v : o.verifications()) {
      err.println("paramcheck-report: " + v.file() + " (" + v.model() + "): " + v.status());
      for (Finding f : v.findings()) {
        err.println("  " + (f.severity() == Finding.Severity.NOTE ? "note: " : "") + f);
      }
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Path path(String s) {
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a path: " + s);
    }
  }
}
