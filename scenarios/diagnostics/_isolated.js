// Runs a fixture of this folder in a child Node with extra flags, and prints how the child ended.
// A crash by signal may write a core file: the child runs under `ulimit -c 0` (core dumps off)
// and in a fresh temporary directory, which is checked and removed afterwards, so nothing is left
// in the scenario's folder whatever the machine's core settings.
var childProcess = require('child_process');
var fs = require('fs');
var os = require('os');
var path = require('path');

module.exports = function runIsolated(fixture, flags) {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-async-spec-'));
  var args = ['-c', 'ulimit -c 0 && exec "$@"', 'sh', process.execPath].concat(flags, [path.join(__dirname, fixture)]);
  var r = childProcess.spawnSync('/bin/sh', args, { cwd: dir, encoding: 'utf8' });
  var left = fs.readdirSync(dir);
  left.forEach(function (name) {
    fs.unlinkSync(path.join(dir, name));
  });
  fs.rmdirSync(dir);
  var errorLine = r.stderr.split('\n').filter(function (l) {
    return /Error: boom/.test(l) && !/^\s/.test(l);
  })[0];
  console.log('child ended by: ' + (r.signal ? r.signal : 'exit code ' + r.status));
  console.log('child stdout: ' + (r.stdout ? r.stdout.trim().split('\n').join(' | ') : '(nothing)'));
  console.log('child stderr: ' + (errorLine || '(no error line)'));
  console.log('files left in its directory: ' + left.length);
};
