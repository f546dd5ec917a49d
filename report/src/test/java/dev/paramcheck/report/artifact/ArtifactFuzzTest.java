package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reader on damaged input: truncated, bit-flipped, headers that claim more than the file
 * holds, zip entries that leave the archive, files of another format. The only outcomes allowed
 * are an {@link Artifact} or one {@link ArtifactException} naming the file: no other exception, no
 * out-of-memory, no hang. And a file of 2 GB is read for its shapes without reading its weights.
 */
class ArtifactFuzzTest {
  @TempDir Path tmp;

  static final List<String> FILES = List.of("tagger.onnx", "sensor.onnx", "tagger.safetensors",
      "folded.safetensors", "tagger.keras", "echo.keras", "tagger.h5", "folded.h5",
      "tfjs/tagger.json");

  /** Reads the file; fails the test on anything but a result or an ArtifactException. */
  static String outcome(Path file, String shown) {
    try {
      return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try {
          ArtifactReaders.read(file, shown);
          return "read";
        } catch (ArtifactException e) {
          assertEquals(shown, e.file());
          assertTrue(e.getMessage().startsWith(shown + ": "), e.getMessage());
          assertTrue(!e.reason().isBlank());
          return "refused";
        }
      });
    } catch (Throwable t) {
      if (t instanceof org.opentest4j.AssertionFailedError a) {
        throw a;
      }
      fail(shown + ": " + t, t);
      return null;
    }
  }

  static String ext(String name) {
    return name.substring(name.lastIndexOf('.'));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tagger.onnx", "sensor.onnx", "tagger.safetensors",
      "folded.safetensors", "tagger.keras", "echo.keras", "tagger.h5", "folded.h5",
      "tfjs/tagger.json"})
  void truncatedAtEveryFewBytes(String name) throws Exception {
    byte[] whole = Files.readAllBytes(ArtifactModels.RESOURCES.resolve(name));
    int step = Math.max(1, whole.length / 60);
    for (int n = 0; n < whole.length; n += step) {
      Path f = tmp.resolve("cut-" + n + ext(name));
      Files.write(f, java.util.Arrays.copyOf(whole, n));
      outcome(f, f.getFileName().toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tagger.onnx", "sensor.onnx", "tagger.safetensors",
      "folded.safetensors", "tagger.keras", "echo.keras", "tagger.h5", "folded.h5",
      "tfjs/tagger.json"})
  void bitFlipped(String name) throws Exception {
    byte[] whole = Files.readAllBytes(ArtifactModels.RESOURCES.resolve(name));
    Random random = new Random(name.hashCode());
    for (int i = 0; i < 60; i++) {
      byte[] b = whole.clone();
      int flips = 1 + random.nextInt(8);
      // flip within the first 4 KiB most of the time: the headers, where the structure is
      for (int k = 0; k < flips; k++) {
        int at = random.nextInt(random.nextBoolean() ? Math.min(4096, b.length) : b.length);
        b[at] ^= (byte) (1 << random.nextInt(8));
      }
      Path f = tmp.resolve("flip-" + i + ext(name));
      Files.write(f, b);
      outcome(f, f.getFileName().toString());
    }
  }

  @Test
  void filesOfAnotherFormatAreRefusedByName() throws Exception {
    for (String from : FILES) {
      for (String as : List.of(".onnx", ".safetensors", ".keras", ".h5", ".json")) {
        if (ext(from).equals(as)) {
          continue;
        }
        Path f = tmp.resolve("other" + as);
        Files.copy(ArtifactModels.RESOURCES.resolve(from), f,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String r = outcome(f, "other" + as);
        if (!(as.equals(".onnx") && r.equals("read"))) {
          // protobuf reads much as an empty ONNX model; the rest must refuse
          assertEquals("refused", r, from + " as " + as);
        }
      }
    }
  }

  @Test
  void aSafetensorsHeaderClaimingMoreThanTheFileIsRefused() throws Exception {
    Path f = tmp.resolve("big.safetensors");
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(1L << 40).put("{}\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
    Files.write(f, b.array());
    try {
      ArtifactReaders.read(f, "big.safetensors");
      fail("read");
    } catch (ArtifactException e) {
      assertTrue(e.getMessage().contains("claims 1099511627776 bytes, more than the format's"
          + " limit of 100 MB"), e.getMessage());
    }
    String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1000,1000],\"data_offsets\":[0,4000000]}}";
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer c = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
    c.putLong(h.length).put(h);
    Files.write(f, c.array());
    try {
      ArtifactReaders.read(f, "big.safetensors");
      fail("read");
    } catch (ArtifactException e) {
      assertEquals("big.safetensors: tensor w claims bytes 0 to 4000000, but the file holds 16"
          + " bytes of data (truncated?)", e.getMessage());
    }
  }

  @Test
  void anOnnxFieldClaimingMoreThanTheFileIsRefused() throws Exception {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(0x3a); // field 7 (graph), length-delimited
    o.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07}); // 2^31 - 1
    o.write(new byte[10]);
    Path f = tmp.resolve("claims.onnx");
    Files.write(f, o.toByteArray());
    try {
      ArtifactReaders.read(f, "claims.onnx");
      fail("read");
    } catch (ArtifactException e) {
      assertTrue(e.getMessage().startsWith("claims.onnx: truncated or corrupt: a field claims"
          + " 2147483647 bytes where 10 remain"), e.getMessage());
    }
  }

  @Test
  void aKerasZipWithAnEntryLeavingTheArchiveIsRefused() throws Exception {
    Path f = tmp.resolve("evil.keras");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("config.json"));
      z.write("{}".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("../../etc/model.weights.h5"));
      z.write(1);
    }
    try {
      ArtifactReaders.read(f, "evil.keras");
      fail("read");
    } catch (ArtifactException e) {
      assertEquals("evil.keras: has a zip entry that leaves the archive"
          + " (../../etc/model.weights.h5); refusing to read it", e.getMessage());
    }
  }

  /** Bytes this thread allocated so far (HotSpot). */
  static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void twoGigabytesOfOnnxWeightsAreNotRead() throws Exception {
    // ModelProto { producer_name "pytorch"; graph { node Gemm(x, w, b, transB=1);
    //   initializer w [1000, 500_000] FLOAT with 2,000,000,000 bytes of raw_data (sparse) } }
    long rawBytes = 2_000_000_000L - 100_000;
    ByteArrayOutputStream node = new ByteArrayOutputStream();
    str(node, 1, "x");
    str(node, 1, "w");
    str(node, 2, "y");
    str(node, 4, "Gemm");
    ByteArrayOutputStream attr = new ByteArrayOutputStream();
    str(attr, 1, "transB");
    attr.write(0x18); // i = 1
    attr.write(1);
    attr.write(0xa0); // type = INT (2), field 20
    attr.write(0x01);
    attr.write(2);
    msg(node, 5, attr.toByteArray());
    ByteArrayOutputStream init = new ByteArrayOutputStream();
    init.write(0x08);
    varint(init, 1000);
    init.write(0x08);
    varint(init, 500_000);
    init.write(0x10);
    init.write(1);
    str(init, 8, "w");
    init.write(0x4a); // raw_data, field 9
    varint(init, rawBytes);
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    msg(graph, 1, node.toByteArray());
    graph.write(0x2a); // initializer, field 5
    varint(graph, init.size() + rawBytes);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    str(head, 2, "pytorch");
    head.write(0x3a);
    varint(head, graph.size() + init.size() + rawBytes);
    head.write(graph.toByteArray());
    head.write(init.toByteArray());
    Path f = tmp.resolve("huge.onnx");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(head.toByteArray());
      raf.setLength(head.size() + rawBytes); // sparse: no disk used
    }
    long before = allocated();
    Artifact a = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> ArtifactReaders.read(f, "huge.onnx"));
    long used = allocated() - before;
    assertEquals(List.of(1000L, 500_000L), a.layers().get(0).tensor("weight").orElseThrow()
        .shape());
    assertTrue(used < 64L << 20, "allocated " + used + " bytes reading a 2 GB model");
  }

  @Test
  void twoGigabytesOfSafetensorsAreNotRead() throws Exception {
    long n = 500_000_000L;
    String json = "{\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[1000,500000],\"data_offsets\":[0,"
        + (4 * n) + "]}}";
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    Path f = tmp.resolve("huge.safetensors");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
      raf.write(b.array());
      raf.write(h);
      raf.setLength(8 + h.length + 4 * n);
    }
    long before = allocated();
    Artifact a = ArtifactReaders.read(f, "huge.safetensors");
    assertTrue(allocated() - before < 16L << 20);
    assertEquals(500_000_000L, a.layers().get(0).tensors().get(0).count());
  }

  private static void varint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7fL) != 0) {
      o.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }

  private static void str(ByteArrayOutputStream o, int field, String s) throws IOException {
    msg(o, field, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void msg(ByteArrayOutputStream o, int field, byte[] b) throws IOException {
    varint(o, (field << 3) | 2);
    varint(o, b.length);
    o.write(b);
  }
}
