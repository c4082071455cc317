// CommonJS fixture with a syntax error.
module.exports = {
  value: 1,,
};
