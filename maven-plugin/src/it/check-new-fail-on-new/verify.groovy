// a model not in the baseline fails check when failOnNew is set
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('dev.paramcheck.example.SentimentRnn is new: not in paramcheck-baseline.json (params 120, bytes 480, MACs unknown); failOnNew is set')
assert !log.contains('SeedClassifier is new')
assert !log.contains('\tat dev.paramcheck') : 'no stack trace'
return true
