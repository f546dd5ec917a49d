package dev.paramcheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one strict reader of paramcheck's JSON files, records ({@code META-INF/paramcheck/*.json})
 * and baselines ({@code paramcheck-baseline.json}) alike: the text must be UTF-8, one JSON value
 * and nothing after it (no stray brace, no merge-conflict marker), no key twice in an object,
 * nested at most {@link #MAX_DEPTH} deep. Every failure is said in paramcheck's words, with the
 * line and column, never Gson's.
 *
 * <p>{@link Fields} then reads the values: counts are whole numbers from 0 to {@code
 * Long.MAX_VALUE} written as integers ({@code 120}, not {@code 120.0}, {@code -5} or {@code 1e3});
 * a missing key "is missing"; every problem of a file is collected, so one message lists them all.
 */
public final class StrictJson {
  /** Deeper than any record or baseline nests (a record nests 4 deep). */
  public static final int MAX_DEPTH = 64;

  private StrictJson() {}

  /** Why a text is not JSON paramcheck reads; the message says where, in paramcheck's words. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Decodes {@code bytes} as UTF-8 (a byte order mark is skipped) and parses them. */
  public static JsonElement parse(byte[] bytes) throws Invalid {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("is not UTF-8 text (" + firstBadByte(bytes) + ")");
    }
    return parse(text);
  }

  /** Parses one JSON value that makes up the whole of {@code text}. */
  public static JsonElement parse(String text) throws Invalid {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Conflict conflict = conflictMarker(body);
    if (conflict != null) {
      throw new Invalid("has a merge-conflict marker (" + conflict.marker + " at line "
          + conflict.line + "): the file was merged by hand and the conflict not resolved");
    }
    if (body.isBlank()) {
      throw new Invalid("is empty: no JSON in it");
    }
    JsonReader reader = new JsonReader(new StringReader(body));
    reader.setStrictness(Strictness.STRICT);
    try {
      if (reader.peek() == JsonToken.END_DOCUMENT) {
        throw new Invalid("is empty: no JSON in it");
      }
      JsonElement root = read(reader);
      String end = where(reader);
      boolean more;
      try {
        more = reader.peek() != JsonToken.END_DOCUMENT;
      } catch (IOException | IllegalStateException e) {
        more = true;
      }
      if (more) {
        throw new Invalid("is not valid JSON: there is more text after the end of the JSON, after "
            + end);
      }
      return root;
    } catch (EOFException e) {
      throw new Invalid("is not valid JSON: the file ends before the JSON does (cut short?)");
    } catch (MalformedJsonException e) {
      throw new Invalid("is not valid JSON: " + describe(e.getMessage()) + " at " + where(reader));
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new Invalid("is not valid JSON: " + describe(e.getMessage()) + " at " + where(reader));
    }
  }

  /** Builds the tree without recursion, refusing duplicate keys and deep nesting. */
  private static JsonElement read(JsonReader in) throws IOException, Invalid {
    Deque<JsonElement> stack = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonElement root = null;
    String name = null;
    while (true) {
      JsonToken t = in.peek();
      JsonElement value = null;
      boolean opened = false;
      switch (t) {
        case BEGIN_OBJECT -> {
          in.beginObject();
          value = new JsonObject();
          opened = true;
        }
        case BEGIN_ARRAY -> {
          in.beginArray();
          value = new JsonArray();
          opened = true;
        }
        case END_OBJECT -> {
          in.endObject();
          stack.pop();
          name = names.pop();
          if (stack.isEmpty()) {
            return root;
          }
          continue;
        }
        case END_ARRAY -> {
          in.endArray();
          stack.pop();
          name = names.pop();
          if (stack.isEmpty()) {
            return root;
          }
          continue;
        }
        case NAME -> {
          String where = where(in);
          name = in.nextName();
          if (((JsonObject) stack.peek()).has(name)) {
            throw new Invalid("has the key \"" + shorten(name) + "\" twice in one object (the second"
                + " at " + where + "); keep one");
          }
          continue;
        }
        case STRING -> value = new JsonPrimitive(in.nextString());
        case NUMBER -> value = new JsonPrimitive(new Literal(in.nextString()));
        case BOOLEAN -> value = new JsonPrimitive(in.nextBoolean());
        case NULL -> {
          in.nextNull();
          value = JsonNull.INSTANCE;
        }
        case END_DOCUMENT -> throw new EOFException();
        default -> throw new IllegalStateException("unexpected " + t);
      }
      if (stack.isEmpty()) {
        root = value;
      } else if (stack.peek() instanceof JsonObject o) {
        o.add(name, value);
      } else {
        ((JsonArray) stack.peek()).add(value);
      }
      if (opened) {
        if (stack.size() >= MAX_DEPTH) {
          throw new Invalid("is nested more than " + MAX_DEPTH + " deep at " + where(in)
              + "; no paramcheck file nests so deep");
        }
        stack.push(value);
        names.push(name == null ? "" : name);
      } else if (stack.isEmpty()) {
        return root;
      }
    }
  }

  /**
   * A JSON number exactly as written, so that {@code 120.0} can be told from {@code 120} and a
   * number of a million digits costs nothing until it is looked at.
   */
  static final class Literal extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    Literal(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return (int) longValue();
    }

    @Override
    public long longValue() {
      return (long) doubleValue();
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Literal l && l.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  private static final Pattern AT = Pattern.compile("at line (\\d+) column (\\d+)");

  private static String where(JsonReader in) {
    Matcher m = AT.matcher(in.toString());
    return m.find() ? "line " + m.group(1) + ", column " + m.group(2) : "the end";
  }

  /** Gson's reason, as a person who edited the file would put it. */
  private static String describe(String gson) {
    String g = gson == null ? "" : gson;
    if (g.startsWith("Expected name")) {
      return "expected a key in double quotes (a trailing comma, or a key without quotes?)";
    }
    if (g.startsWith("Expected ':'")) {
      return "expected a colon after the key";
    }
    if (g.startsWith("Unterminated object")) {
      return "expected a comma or a closing brace";
    }
    if (g.startsWith("Unterminated array")) {
      return "expected a comma or a closing bracket";
    }
    if (g.startsWith("Unterminated string") || g.startsWith("Unterminated escape")) {
      return "a string is not closed";
    }
    if (g.startsWith("Invalid escape") || g.startsWith("Malformed Unicode escape")) {
      return "a string has an invalid backslash escape";
    }
    if (g.startsWith("Expected value") || g.startsWith("Unexpected value")
        || g.startsWith("Use JsonReader.setStrictness")) {
      return "expected a value (a number, a string in double quotes, true, false, null, an object"
          + " or an array)";
    }
    if (g.contains("control character") || g.contains("Unescaped")) {
      return "a string holds a raw control character";
    }
    return "unexpected text";
  }

  private record Conflict(String marker, int line) {}

  private static Conflict conflictMarker(String text) {
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      for (String marker : new String[] {"<<<<<<<", ">>>>>>>", "|||||||"}) {
        if (text.startsWith(marker, start)) {
          return new Conflict(marker, line);
        }
      }
      if (text.startsWith("=======", start)
          && text.substring(start, end).strip().equals("=======")) {
        return new Conflict("=======", line);
      }
      start = end + 1;
      line++;
    }
    return null;
  }

  private static String firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(8192);
    while (true) {
      var result = decoder.decode(in, out, true);
      if (result.isError()) {
        return String.format(java.util.Locale.ROOT, "byte 0x%02X at offset %d",
            bytes[in.position()] & 0xFF, in.position());
      }
      if (result.isUnderflow()) {
        return "a byte sequence that is not UTF-8";
      }
      out.clear();
    }
  }

  static String shorten(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 80 ? t.substring(0, 80) + "..." : t;
  }

  /**
   * Typed access to a parsed tree that collects every problem (each naming its key's path, such as
   * {@code "layers[1].params"}) instead of stopping at the first. A failed read returns a
   * placeholder, so reading goes on; check {@link #problems()} before using anything.
   */
  public static final class Fields {
    private final List<String> problems = new ArrayList<>();

    public List<String> problems() {
      return problems;
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    public void problem(String message) {
      if (problems.size() < 50) {
        problems.add(message);
      } else if (problems.size() == 50) {
        problems.add("and more");
      }
    }

    private JsonElement required(JsonObject o, String key, String path) {
      JsonElement e = o.get(key);
      if (e == null) {
        problem("\"" + path + "\" is missing");
      }
      return e;
    }

    public JsonObject object(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null) {
        return new JsonObject();
      }
      if (!e.isJsonObject()) {
        problem("\"" + path + "\" must be an object");
        return new JsonObject();
      }
      return e.getAsJsonObject();
    }

    /** The element {@code i} of {@code a}, which must be an object. */
    public JsonObject element(JsonArray a, int i, String path) {
      JsonElement e = a.get(i);
      if (!e.isJsonObject()) {
        problem("\"" + path + "[" + i + "]\" must be an object");
        return new JsonObject();
      }
      return e.getAsJsonObject();
    }

    public JsonArray array(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null) {
        return new JsonArray();
      }
      if (!e.isJsonArray()) {
        problem("\"" + path + "\" must be an array");
        return new JsonArray();
      }
      return e.getAsJsonArray();
    }

    public String string(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null) {
        return "";
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        problem("\"" + path + "\" must be a string");
        return "";
      }
      return e.getAsString();
    }

    public String nullableString(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null || e.isJsonNull()) {
        return null;
      }
      return string(o, key, path);
    }

    public boolean bool(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null) {
        return false;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
        problem("\"" + path + "\" must be true or false");
        return false;
      }
      return e.getAsBoolean();
    }

    /** A count: a whole number from 0 to {@code Long.MAX_VALUE}, written as an integer. */
    public long count(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      return e == null ? 0 : integer(e, path, false, false);
    }

    /** A count, or {@code null} (unknown). */
    public Long nullableCount(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      if (e == null || e.isJsonNull()) {
        return null;
      }
      return integer(e, path, false, true);
    }

    /** A whole number that may be negative (a headroom). */
    public long signed(JsonObject o, String key, String path) {
      JsonElement e = required(o, key, path);
      return e == null ? 0 : integer(e, path, true, false);
    }

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    long integer(JsonElement e, String path, boolean negativeAllowed, boolean nullAllowed) {
      String kind = (negativeAllowed ? "a whole number" : "a whole number, 0 or more")
          + (nullAllowed ? ", or null" : "");
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        problem("\"" + path + "\" must be " + kind + ", not " + shown(e));
        return 0;
      }
      String text = e.getAsString();
      if (!INTEGER.matcher(text).matches()) {
        problem("\"" + path + "\" must be " + kind + ", not " + shorten(text));
        return 0;
      }
      if (text.startsWith("-") && !negativeAllowed) {
        problem("\"" + path + "\" must be 0 or more, not " + shorten(text));
        return 0;
      }
      if (text.length() > 20 || new BigInteger(text).bitLength() > 63) {
        problem("\"" + path + "\" is too large: " + shorten(text) + " does not fit in a long ("
            + Long.MAX_VALUE + " at most)");
        return 0;
      }
      return Long.parseLong(text);
    }

    private static String shown(JsonElement e) {
      if (e.isJsonNull()) {
        return "null";
      }
      if (e.isJsonObject()) {
        return "an object";
      }
      if (e.isJsonArray()) {
        return "an array";
      }
      if (e.getAsJsonPrimitive().isBoolean()) {
        return e.getAsString();
      }
      return "the string \"" + shorten(e.getAsString()) + "\"";
    }
  }
}
