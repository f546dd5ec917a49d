// a corrupt record fails the build with a message naming the file, and no stack trace
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log =~ /target.classes.META-INF.paramcheck.com\.acme\.Broken\.json: not valid JSON \(End of input at line 2 column 1/
assert !log.contains('\tat ') : 'no stack trace'
return true
