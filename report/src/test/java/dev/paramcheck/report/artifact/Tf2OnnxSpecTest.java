package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paramcheck.report.ModelRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tf2onnx does not run here, so this ONNX file follows the specification instead of an exporter:
 * onnx/onnx onnx.proto for the encoding, the ONNX LSTM operator for W [1, 4H, I], R [1, 4H, H],
 * B [1, 8H], and onnx/tensorflow-onnx tf2onnx/rewriter/lstm_rewriter.py for how a Keras LSTM's one
 * bias fills B (its second half zeros) and a Dense kernel stays [in, out] under a MatMul.
 */
class Tf2OnnxSpecTest {
  @TempDir Path tmp;

  static void varint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7fL) != 0) {
      o.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }

  static void bytes(ByteArrayOutputStream o, int field, byte[] b) {
    varint(o, (field << 3) | 2);
    varint(o, b.length);
    o.write(b, 0, b.length);
  }

  static void str(ByteArrayOutputStream o, int field, String s) {
    bytes(o, field, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] node(String op, String... inputs) {
    ByteArrayOutputStream n = new ByteArrayOutputStream();
    for (String i : inputs) {
      str(n, 1, i);
    }
    str(n, 2, op + "_out");
    str(n, 3, op);
    str(n, 4, op);
    return n.toByteArray();
  }

  static byte[] tensor(String name, long... dims) {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    for (long d : dims) {
      t.write(0x08);
      varint(t, d);
    }
    t.write(0x10);
    t.write(1); // FLOAT
    str(t, 8, name);
    long n = 4;
    for (long d : dims) {
      n *= d;
    }
    bytes(t, 9, new byte[(int) n]);
    return t.toByteArray();
  }

  static Path file(Path dir, int units, int features) throws Exception {
    ByteArrayOutputStream g = new ByteArrayOutputStream();
    bytes(g, 1, node("LSTM", "x", "W__12", "R__13", "B__14"));
    bytes(g, 1, node("MatMul", "LSTM_out", "dense/kernel:0"));
    bytes(g, 1, node("Add", "MatMul_out", "dense/bias:0"));
    bytes(g, 5, tensor("W__12", 1, 4L * units, features));
    bytes(g, 5, tensor("R__13", 1, 4L * units, units));
    bytes(g, 5, tensor("B__14", 1, 8L * units));
    bytes(g, 5, tensor("dense/kernel:0", units, 4));
    bytes(g, 5, tensor("dense/bias:0", 4));
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    str(m, 2, "tf2onnx");
    str(m, 3, "1.16.1");
    bytes(m, 7, g.toByteArray());
    Path f = dir.resolve("keras-lstm-" + units + ".onnx");
    Files.write(f, m.toByteArray());
    return f;
  }

  @Test
  void aKerasLstmFromTf2onnxVerifiesWithItsZeroBiasHalfLeftOut() throws Exception {
    ModelRecord r = ArtifactModels.compile(Map.of("KerasLstm", ArtifactModels.source("KerasLstm",
        "@ParamBudget(max = 3_200)\n", String.join("\n",
            "  @Lstm(units = 16, features = 8) Object encoder;",
            "  @Dense(units = 4) Object tag;")))).get("fixtures.KerasLstm");
    // Keras: LSTM 4 * (16 * 8 + 16 * 16 + 16) = 1,600; Dense 16 * 4 + 4 = 68
    assertEquals(1_668, r.totals().params());
    Path ok = file(tmp, 16, 8);
    Verification v = ArtifactVerifier.verify(r, ArtifactReaders.read(ok, "keras-lstm-16.onnx"));
    assertEquals(List.of(), v.findings(), v.findings().toString());
    Verification bad = ArtifactVerifier.verify(r, ArtifactReaders.read(file(tmp, 20, 8),
        "keras-lstm-20.onnx"));
    assertTrue(bad.findings().get(0).message().startsWith("KerasLstm: layer 'encoder' (@Lstm):"
        + " keras-lstm-20.onnx was trained with units = 20, the declaration says 16"
        + " (LSTM W [1, 80, 8])"), bad.findings().toString());
  }
}
