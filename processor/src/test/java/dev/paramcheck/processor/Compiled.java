package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/** Compiles sources through the processor and reads what it generated, as a user's code would. */
final class Compiled {
  private Compiled() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new ParamCheckProcessor()).compile(sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new ParamCheckProcessor()).withOptions(options).compile(sources);
  }

  /** Model {@code test.M}: these lines after {@code package test;} and {@code import dev.paramcheck.*;}. */
  static JavaFileObject model(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test;";
    lines[1] = "import dev.paramcheck.*;";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "";
    return source("test.M", lines);
  }

  /** A source file {@code name} (a qualified class name) with these lines. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  /** The generated class, loaded from the compilation's class files. */
  static Class<?> load(Compilation compilation, String className) {
    ClassLoader loader =
        new ClassLoader(Compiled.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            Optional<JavaFileObject> file =
                compilation.generatedFile(
                    javax.tools.StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
            if (file.isEmpty()) {
              throw new ClassNotFoundException(name);
            }
            try (InputStream in = file.get().openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + className + " was generated", e);
    }
  }

  /** Every {@code public static final long} of the generated class, in declaration order. */
  static Map<String, Long> constants(Compilation compilation, String className) {
    Map<String, Long> constants = new LinkedHashMap<>();
    for (Field f : load(compilation, className).getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == long.class) {
        try {
          constants.put(f.getName(), f.getLong(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return constants;
  }

  static long constant(Compilation compilation, String className, String constant) {
    Long value = constants(compilation, className).get(constant);
    assertWithMessage("constant %s of %s", constant, className).that(value).isNotNull();
    return value;
  }

  /** The generated {@code table()}. */
  static String table(Compilation compilation, String className) {
    try {
      Method table = load(compilation, className).getMethod("table");
      return (String) table.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
