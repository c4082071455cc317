/*---
claim: "A Promise rejected with a plain object ({ code: 42, detail: 'disk full' }) and left unhandled crashes Node 15+ with ERR_UNHANDLED_REJECTION, exit code 1, and the report names the reason only as \"#<Object>\": neither its fields nor their values are printed. Before 15 it is a warning, which prints the object's fields, exit code 0."
source: https://github.com/nodejs/node/issues/43326
tags: [rejections, promise, exit]
why: To throw a reason that is not an Error, Node wraps it in an error of its own whose message converts the reason to a string; a plain object becomes "#<Object>". The warning of older releases printed the reason itself (util.inspect), so the fields were visible there.
instead: Reject with Error objects (attach the details as properties or as cause), and add a process 'unhandledRejection' listener that logs the reason with util.inspect.
links: [https://github.com/facundoolano/aso/issues/44, https://nodejs.org/api/process.html#event-unhandledrejection]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
Promise.reject({ code: 42, detail: 'disk full' });
