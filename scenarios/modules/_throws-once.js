// CommonJS fixture: counts its evaluations on a global, and throws the first time.
global.evaluations = (global.evaluations || 0) + 1;
console.log('evaluating the module, time ' + global.evaluations);
if (global.evaluations === 1) throw new Error('module failed to load');
module.exports = 'loaded';
