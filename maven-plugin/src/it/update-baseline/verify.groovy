// -Dparamcheck.updateBaseline wrote the baseline from this build's records: sorted by model, no
// dates; then check passed. The committed baseline is out of date: SentimentRnn grew, SeedClassifier
// is new, and Gone (SimpleRNN(1) on 3 features: 1 * (3 + 1 + 1) = 5 params) was removed.
// The numbers are not the processor's say-so: SentimentRnn is SimpleRNN(10) on 1 feature, Keras's
// units * (features + units + 1) = 120 params (480 bytes as float32); the committed baseline
// holds its older version, SimpleRNN(9): 9 * 11 = 99 params, 396 bytes. SeedClassifier:
// SimpleRNN(5) on 4 = 50, Dense(3) on 5 = 18, 68 params, 272 bytes.
def baseline = new File(basedir, 'paramcheck-baseline.json').getText('UTF-8')
assert baseline == """{
  "schemaVersion": 1,
  "models": {
    "dev.paramcheck.example.SeedClassifier": {
      "params": 68,
      "bytes": 272,
      "macs": null
    },
    "dev.paramcheck.example.SentimentRnn": {
      "params": 120,
      "bytes": 480,
      "macs": null
    }
  }
}
"""
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('checked against') && log.contains(': ok')
return true
