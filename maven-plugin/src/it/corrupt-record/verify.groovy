// a corrupt record fails the build with a message naming the file, and no stack trace. The
// corrupt file is a resource (no compilation writes a truncated record); SeedClassifier's record
// beside it is the processor's, from this build.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log =~ /target.classes.META-INF.paramcheck.com\.acme\.Broken\.json: the record is not valid JSON: the file ends before the JSON does \(cut short\?\); rebuild with mvn clean compile/
assert !log.contains('JsonReader') && !log.contains('setStrictness') : "Gson's words"
assert new File(basedir, 'target/classes/META-INF/paramcheck/dev.paramcheck.example.SeedClassifier.json').isFile()
assert !log.contains('\tat ') : 'no stack trace'
return true
