// Test reporter fixture (node --test-reporter=./_reporter.js): one stable line per test result,
// without durations, so that the output is the same from run to run (diagnostics too, except the
// run's duration and the suite count, which only some versions report). Lines are indented by nesting.
function message(err) {
  if (!err) return '';
  var cause = err.cause;
  if (cause instanceof Error) return cause.name + ': ' + cause.message;
  if (cause !== undefined && cause !== null) return String(cause);
  return err.message;
}

module.exports = async function* stableReporter(source) {
  for await (var event of source) {
    var d = event.data;
    var indent = new Array((d && d.nesting ? d.nesting : 0) + 1).join('  ');
    if (event.type === 'test:pass') {
      yield indent + 'ok ' + d.name + (d.skip ? ' # SKIP' : '') + (d.todo ? ' # TODO' : '') + '\n';
    } else if (event.type === 'test:fail') {
      var err = d.details.error;
      yield indent + 'not ok ' + d.name + (d.todo ? ' # TODO' : '') + ' (' + err.failureType + '): ' + message(err) + '\n';
    } else if (event.type === 'test:diagnostic' && !/^(suites|duration_ms) /.test(d.message)) {
      yield indent + '# ' + d.message + '\n';
    } else if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      yield indent + event.type.slice(5) + ': ' + d.message.replace(/\n$/, '') + '\n';
    }
  }
};
