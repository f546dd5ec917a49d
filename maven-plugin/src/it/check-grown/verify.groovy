// a model grown by 20% fails check at maxGrowth 10%, named with its old and new numbers
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('dev.paramcheck.example.SentimentRnn grew by more than 10% (maxGrowth) against paramcheck-baseline.json: params 100 -> 120 (+20.0%), bytes 400 -> 480 (+20.0%)')
assert !log.contains('SeedClassifier grew')
assert log.contains('If the change is intended, update the baseline with -Dparamcheck.updateBaseline and commit it.')
assert !log.contains('\tat dev.paramcheck') : 'no stack trace'
return true
