// a corrupt record fails the build with a message naming the file, and no stack trace. The
// corrupt file is a resource (no compilation writes a truncated record); SeedClassifier's record
// beside it is the processor's, from this build.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log =~ /target.classes.META-INF.paramcheck.com\.acme\.Broken\.json: not valid JSON \(End of input at line 2 column 1/
assert new File(basedir, 'target/classes/META-INF/paramcheck/dev.paramcheck.example.SeedClassifier.json').isFile()
assert !log.contains('\tat ') : 'no stack trace'
return true
