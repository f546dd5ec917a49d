package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.paramcheck.model.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README is the newcomer's reference: it names every error tag (in the table of "When the build
 * fails"), every annotation the processor reads and every {@code -A} option (in the table of "Options"). A tag, annotation or
 * option added without a word in the README fails here, naming what is missing.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  private static String readme() throws IOException {
    return Files.readString(README);
  }

  /** The tags in the first cells of the README's tag table: {@code | `a`, `b` | ... |}. */
  private static List<String> tableTags(String readme) {
    List<String> tags = new ArrayList<>();
    int table = readme.indexOf("| tag | problem |");
    assertWithMessage("README has the table of error tags").that(table).isAtLeast(0);
    for (String line : readme.substring(table).split("\n")) {
      if (!line.startsWith("|")) {
        break;
      }
      String first = line.substring(1, line.indexOf('|', 1));
      Matcher m = Pattern.compile("`([a-z0-9-]+)`").matcher(first);
      while (m.find()) {
        tags.add(m.group(1));
      }
    }
    return tags;
  }

  @Test
  void everyErrorTagIsInTheTable() throws IOException {
    List<String> tags = tableTags(readme());
    List<String> missing = new ArrayList<>();
    for (Message m : Message.values()) {
      if (!tags.contains(m.tag()) && !missing.contains(m.tag())) {
        missing.add(m.tag());
      }
    }
    assertWithMessage("tags missing from the README's table under \"When the build fails\"")
        .that(missing).isEmpty();
  }

  @Test
  void everyTagInTheTableExists() throws IOException {
    List<String> stale = new ArrayList<>(tableTags(readme()));
    for (Message m : Message.values()) {
      stale.removeIf(t -> t.equals(m.tag()));
    }
    assertWithMessage("tags in the README that no diagnostic carries").that(stale).isEmpty();
  }

  @Test
  void everyAnnotationIsNamed() throws IOException {
    String readme = readme();
    List<String> missing = new ArrayList<>();
    for (String type : Annotations.OURS.keySet()) {
      String simple = type.substring(type.lastIndexOf('.') + 1);
      if (!readme.contains("@" + simple)) {
        missing.add("@" + simple);
      }
    }
    assertWithMessage("annotations the processor reads that the README never names").that(missing).isEmpty();
  }

  @Test
  void everyOptionIsNamed() throws IOException {
    String readme = readme();
    List<String> missing = Options.ALL.stream().filter(o -> !readme.contains("\n| `" + o + "` |")).sorted().toList();
    assertWithMessage("-A options missing from the README's table under \"Options\"").that(missing).isEmpty();
  }
}
