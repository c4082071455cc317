// CommonJS fixture: throws at its top level.
console.log('module runs');
throw new Error('module failed to load');
