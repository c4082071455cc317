/*---
claim: "process.send() in a fork()ed child after the IPC channel has closed does not throw: it returns, and the ERR_IPC_CHANNEL_CLOSED error ('Channel closed') is then emitted as 'error' on process, which with no listener crashes the child (exit code 1)."
source: https://github.com/nodejs/help/issues/1790; https://github.com/digitalbazaar/bedrock/issues/13
tags: [child-process, errors, events, exit-codes]
why: "With no callback, process.send() reports a closed channel asynchronously, as an 'error' event on process. A try/catch around the call catches nothing, and an 'error' event with no listener is thrown: the child dies of an uncaught exception at the moment its parent went away."
instead: "Check process.connected before sending, pass a callback to process.send() (it receives the error instead), or listen for 'error' on process in a child that may outlive its channel."
links: [https://nodejs.org/api/process.html#processsendmessage-sendhandle-options-callback, https://nodejs.org/api/errors.html#err_ipc_channel_closed]
---*/
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  process.on('disconnect', function () {
    try {
      process.send('too late');
      console.error('child: send returned');
    } catch (e) {
      console.error('child: send threw ' + e.code);
    }
  });
  process.send('ready');
} else {
  var child = fork(__filename, ['child']);
  child.on('message', function () {
    child.disconnect();
  });
  child.on('exit', function (code, signal) {
    console.error('parent: child exit ' + code + ' ' + signal);
  });
}
