// A child that stays until its parent is gone: it checks every 50 ms whether the parent still
// exists, so that it never outlives a run by more than that.
var parent = process.ppid;
setInterval(function () {
  try {
    process.kill(parent, 0);
  } catch (e) {
    process.exit(0);
  }
}, 50);
