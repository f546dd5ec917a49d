// report writes the three files, with every model the processor recorded in this build and its
// change against the committed baseline.
// The numbers are not the processor's say-so: SentimentRnn is SimpleRNN(10) on 1 feature, Keras's
// units * (features + units + 1) = 120 params (480 bytes as float32); the committed baseline
// holds its older version, SimpleRNN(9): 9 * 11 = 99 params, 396 bytes. SeedClassifier:
// SimpleRNN(5) on 4 = 50, Dense(3) on 5 = 18, 68 params, 272 bytes.
// GuideLstm: keras.io "Working with RNNs", Keras prints Total params: 164,106 (641.04 KB).
// SensorLstm: LSTM(8) on 4 features, 4 * 8 * (4 + 8 + 1) = 416 params, once per each of its 20
// steps = 8,320 MACs, Dense(1) 9 params and MACs: 425 params, 1,700 bytes, 8,329 MACs; its MAC
// budget (9,000, 671 left) is the tightest of three.
def out = new File(basedir, 'target/paramcheck')
['report.json', 'report.md', 'index.html'].each { assert new File(out, it).isFile() : "no $it" }

def md = new File(out, 'report.md').getText('UTF-8')
assert md.contains('| model | params | bytes | MACs | budget | headroom | change |')
assert md.contains('| dev.paramcheck.example.SentimentRnn | 120 | 480 | \u2014 | 200 params | 80 (40.0%) | +21 (+21.2%) |')
assert md.contains('| dev.paramcheck.example.SeedClassifier | 68 | 272 | \u2014 | 100 params | 32 (32.0%) | 0 |')
assert md.contains('| dev.paramcheck.example.GuideLstm | 164,106 | 656,424 | \u2014 | 200,000 params | 35,894 (17.9%) | 0 |')
assert md.contains('| dev.paramcheck.example.SensorLstm | 425 | 1,700 | 8,329 | 9,000 MACs | 671 (7.5%) | 0 |')

def json = new groovy.json.JsonSlurper().parse(new File(out, 'report.json'), 'UTF-8')
assert json.models*.model == ['dev.paramcheck.example.GuideLstm', 'dev.paramcheck.example.SeedClassifier', 'dev.paramcheck.example.SensorLstm', 'dev.paramcheck.example.SentimentRnn']
assert json.models.find { it.model == 'dev.paramcheck.example.SentimentRnn' }.params == 120
def sensor = json.models.find { it.model == 'dev.paramcheck.example.SensorLstm' }
assert sensor.macs == 8329
assert sensor.budgets*.kind == ['PARAMS', 'BYTES', 'MACS']
assert sensor.tightestBudget.kind == 'MACS'
assert json.models*.paramcheckVersion.every { it }

def html = new File(out, 'index.html').getText('UTF-8')
assert (html =~ /<tr class="model-row"/).count == 4
assert (html =~ /class="bar budget-bar/).count == 4

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('paramcheck: 4 models; report in')
assert log.contains('dev.paramcheck.example.SentimentRnn changed within maxGrowth 25%')
assert log.contains('BUILD SUCCESS')

// The report's jar runs alone (gson shaded in, Main-Class set): java -jar with no class path.
def versions = new File(localRepositoryPath, 'dev/paramcheck/paramcheck-report').listFiles().findAll { it.isDirectory() }
assert versions.size() == 1 : "paramcheck-report versions in the IT repository: $versions"
def version = versions[0].name
def jar = new File(versions[0], "paramcheck-report-${version}.jar")
assert jar.isFile() : "no $jar"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def cli = { String growth, File cliOut ->
  def proc = [java, '-jar', jar.path, '--out', cliOut.path, '--baseline', new File(basedir, 'paramcheck-baseline.json').path,
              '--check', '--max-growth', growth, new File(basedir, 'target/classes').path].execute()
  def err = new StringBuilder()
  proc.consumeProcessErrorStream(err)
  proc.waitFor()
  [proc.exitValue(), err.toString()]
}
// the plugin's rules (maxGrowth 25): the same report, byte for byte, and the check passes
def same = new File(basedir, 'target/cli-25')
def (code25, err25) = cli('25', same)
assert code25 == 0 : "exit $code25: $err25"
['report.json', 'report.md', 'index.html'].each { assert new File(same, it).isFile() }
assert new File(same, 'report.md').getText('UTF-8') == md : 'the CLI and the plugin write the same report'
// stricter: SentimentRnn's 21.2% fails, and its row is marked
def strict = new File(basedir, 'target/cli-10')
def (code10, err10) = cli('10', strict)
assert code10 == 1 : "exit $code10: $err10"
assert err10.contains('dev.paramcheck.example.SentimentRnn grew by more than 10%') : err10
assert new File(strict, 'report.md').getText('UTF-8').contains('| \u274C **dev.paramcheck.example.SentimentRnn** | 120 |')
return true
