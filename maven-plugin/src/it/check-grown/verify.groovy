// a model grown by 21% (its source is bigger than when the baseline was written) fails check at
// maxGrowth 10%, named with its old and new numbers, counted by the processor in this build.
// The numbers are not the processor's say-so: SentimentRnn is SimpleRNN(10) on 1 feature, Keras's
// units * (features + units + 1) = 120 params (480 bytes as float32); the committed baseline
// holds its older version, SimpleRNN(9): 9 * 11 = 99 params, 396 bytes. SeedClassifier:
// SimpleRNN(5) on 4 = 50, Dense(3) on 5 = 18, 68 params, 272 bytes.
def records = new File(basedir, 'target/classes/META-INF/paramcheck')
assert new File(records, 'dev.paramcheck.example.SentimentRnn.json').isFile() : 'the processor wrote the records'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('dev.paramcheck.example.SentimentRnn grew by more than 10% (maxGrowth) against paramcheck-baseline.json: params 99 -> 120 (+21.2%), bytes 396 -> 480 (+21.2%)')
assert !log.contains('SeedClassifier grew')
assert log.contains('If the change is intended, update the baseline with -Dparamcheck.updateBaseline and commit it.')
assert !log.contains('\tat dev.paramcheck') : 'no stack trace'
return true
