// -Dparamcheck.updateBaseline wrote the baseline: sorted by model, no dates; then check passed
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
