// a model not in the baseline fails check when failOnNew is set
// The numbers are not the processor's say-so: SentimentRnn is SimpleRNN(10) on 1 feature, Keras's
// units * (features + units + 1) = 120 params (480 bytes as float32). SeedClassifier, the one
// model in the baseline: SimpleRNN(5) on 4 = 50, Dense(3) on 5 = 18, 68 params, 272 bytes.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('dev.paramcheck.example.SentimentRnn is new: not in paramcheck-baseline.json (params 120, bytes 480, MACs unknown); failOnNew is set')
assert !log.contains('SeedClassifier is new')
assert !log.contains('\tat dev.paramcheck') : 'no stack trace'
return true
