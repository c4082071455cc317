/*---
claim: Setting a second uncaught-exception capture callback while one is set throws ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET; after clearing it with `null` a new one can be set.
source: https://nodejs.org/api/errors.html#err_uncaught_exception_capture_already_set
tags: [errors, uncaughtException]
why: "There is one capture slot per process. Node refuses to overwrite it silently, so that two libraries (say, `domain` and another) cannot take it from each other; passing `null` empties the slot."
links: [https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn]
---*/
process.setUncaughtExceptionCaptureCallback(function first() {});
try {
  process.setUncaughtExceptionCaptureCallback(function second() {});
  console.log('second callback accepted');
} catch (e) {
  console.log(e.name + ' ' + e.code);
  console.log(e.message);
}
process.setUncaughtExceptionCaptureCallback(null);
console.log('after null: ' + process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback(function third() {});
console.log('third accepted: ' + process.hasUncaughtExceptionCaptureCallback());
