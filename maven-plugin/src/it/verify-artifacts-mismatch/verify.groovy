// a shipped model file retrained with other units fails the build in verify, naming the layer,
// the attribute, the file's tensor and the fix; and no stack trace
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains("[paramcheck:artifact-shape] Tagger: layer 'encoder' (@Lstm): tagger.onnx was trained with units = 12, the declaration says 16 (LSTM W [1, 48, 8]); declare @Lstm(units = 12) or retrain")
assert log.contains('paramcheck: a model file disagrees with its declaration')
assert new File(basedir, 'target/paramcheck/artifacts.md').getText('UTF-8').contains('| com.acme.Tagger | src/main/resources/tagger.onnx | ONNX | 1,908 | FAILED |')
assert !log.contains('\tat ') : 'no stack trace'
return true
