// The README's CI setup, as a new user would follow it: its pom.xml and its commands are copied out
// of README.md (the fenced blocks marked <!-- readme-it: NAME -->), not written here, into a fresh
// project with two models, one over its budget; each command runs as written (mvn is the Maven of
// this build, with the ITs' repository and settings; java is this JDK's).
import java.util.regex.Pattern

def readme = new File(readmeFile).getText('UTF-8')
def block = { String name ->
  def m = readme =~ ('(?s)<!-- readme-it: ' + Pattern.quote(name) + ' -->\\s*```[a-z]*\\n(.*?)```')
  assert m.find() : "README.md has no block marked <!-- readme-it: $name -->"
  m.group(1)
}
def commands = { String name -> block(name).readLines().findAll { it.trim() } }

def fresh = new File(basedir, 'fresh')
fresh.deleteDir()
def src = new File(fresh, 'src/main/java/com/example')
src.mkdirs()
new File(fresh, 'pom.xml').setText(block('pom.xml'), 'UTF-8')
new File(basedir, 'models').eachFile { f -> new File(src, f.name).setText(f.getText('UTF-8'), 'UTF-8') }

def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
assert settings.isFile() : "no $settings"
def mvn = new File(mavenHome, 'bin/mvn').path
def java = new File(System.getProperty('java.home'), 'bin/java').path
def logs = []
def run = { String line ->
  def words = line.trim().split(/\s+/) as List
  if (words[0] == 'mvn') {
    words = [mvn, '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + words.drop(1)
  } else if (words[0] == 'java') {
    words = [java] + words.drop(1)
  } else {
    assert false : "a README command this test does not know how to run: $line"
  }
  def pb = new ProcessBuilder(words).directory(fresh).redirectErrorStream(true)
  pb.environment().put('JAVA_HOME', System.getProperty('java.home'))
  def p = pb.start()
  def out = p.inputStream.getText('UTF-8')
  p.waitFor()
  new File(basedir, "command-${logs.size() + 1}.log").setText('$ ' + line + '\n' + out, 'UTF-8')
  logs << line
  [p.exitValue(), out]
}

// ---- the CI section: one build that reports and fails
def ci = commands('ci')
assert ci.size() == 1
def (code, out) = run(ci[0])
assert code == 1 : "the CI build must fail (exit 1), not $code:\n$out"
assert out =~ /\[WARNING\] .*TooBigForThePhone\.java:\[12,20\] \[paramcheck:over-budget\] model TooBigForThePhone has 1,378,945 parameters, 378,945 over its budget of 1,000,000/ : out
def failure = '[ERROR] com.example.TooBigForThePhone is over budget: params 1,378,945, 378,945 over the budget of 1,000,000. Make the model smaller or raise the budget in com/example/TooBigForThePhone.java'
assert readme.contains(failure) : 'the README shows the failure as it is'
assert out.count(failure) == 1 : 'each failure listed once'
assert out.contains('paramcheck: 1 failure of 2 models (listed above; the report in ')
assert out.contains('BUILD FAILURE')
assert !out.contains('SentimentRnn is over budget')
assert !out.contains('\tat ') : 'no stack trace'
assert out.contains('no baseline yet') || out.contains('BUILD FAILURE')
def md = new File(fresh, 'target/paramcheck/report.md').getText('UTF-8')
assert md.contains('| \u274C **com.example.TooBigForThePhone** | 1,378,945 | 5,515,780 | \u2014 | 1,000,000 params | **over by 378,945** |') : md
assert md.contains('| com.example.SentimentRnn | 120 | 480 |') : md
assert md.contains('\u274C 1 model fails the check:') : md
def html = new File(fresh, 'target/paramcheck/index.html').getText('UTF-8')
assert (html =~ /<tr class="model-row failing" data-model="com\.example\.TooBigForThePhone"/).count == 1
assert (html =~ /<tr class="model-row failing"/).count == 1 : 'only the model over budget is red'
assert html.contains('tr.failing > td { background: #fdecea; }')

// -Dparamcheck.budget=error, the switch the pom wires: the compile fails instead
def (codeError, outError) = run('mvn -B -q clean compile -Dparamcheck.budget=error')
assert codeError == 1 && outError.contains('[ERROR]') && outError.contains('[paramcheck:over-budget]') : outError

// ---- the summaries
def summary = commands('summary')
def (codeSummary, outSummary) = run(summary[0])
assert codeSummary == 0 : outSummary
assert outSummary.contains('Model: "SentimentRnn"') && outSummary.contains('Model: "TooBigForThePhone"') : outSummary
assert outSummary.contains('Total params: 1,378,945 (5.26 MB)') : outSummary

// ---- paramcheck:help documents every goal and parameter
def (codeHelp, outHelp) = run(commands('help')[0])
assert codeHelp == 0 : outHelp
['paramcheck:check', 'paramcheck:report', 'paramcheck:summary', 'paramcheck:help',
 'failOnOverBudget', 'maxGrowth', 'failOnNew', 'updateBaseline', 'baseline', 'classesDirectories',
 'outputDirectory', 'skip'].each { assert outHelp.contains(it) : "paramcheck:help does not mention $it:\n$outHelp" }

// ---- the command line, with the published artifact
def cli = commands('cli')
assert cli.size() == 3
def (codeCopy, outCopy) = run(cli[0])
assert codeCopy == 0 : outCopy
def (codeCheck, outCheck) = run(cli[1])
assert codeCheck == 1 : "java -jar ... --check: exit $codeCheck\n$outCheck"
assert outCheck.contains('paramcheck-report: check failed:') && outCheck.contains('com.example.TooBigForThePhone is over budget') : outCheck
def (codeCliSummary, outCliSummary) = run(cli[2])
assert codeCliSummary == 0 : outCliSummary
assert outCliSummary.contains('Model: "TooBigForThePhone"') : outCliSummary
assert outCliSummary.contains('Model: "SentimentRnn"') : outCliSummary
return true
