/*---
claim: >-
  The domain module is deprecated (DEP0032) only in the documentation: even with --pending-deprecation, creating and running a domain prints no warning, and the process exits with code 0 and a quiet stderr.
source: >-
  seeds/003_43754586e9320e59.txt (마치며: domain API deprecated); https://nodejs.org/api/deprecations.html#dep0032-nodedomain-module
tags: [article, domain]
flags: [--pending-deprecation]
why: DEP0032 is a documentation-only deprecation. --pending-deprecation turns some documentation-only deprecations (those marked as supporting it, such as Buffer()) into runtime warnings, but domain is not among them, so nothing at run time tells a user the module is deprecated.
instead: AsyncLocalStorage for request context, explicit error handling (callbacks, promises with catch), and a process manager or cluster that restarts a crashed process.
links: [https://nodejs.org/api/deprecations.html#dep0032-nodedomain-module, https://nodejs.org/api/cli.html#--pending-deprecation]
---*/
var domain = require('domain');
var d = domain.create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
});
d.run(function () {
  console.log('running in a domain: ' + (process.domain === d));
});
