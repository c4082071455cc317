// lambda/handlers/callback-warning.js's callback handler, in an ES module (a fixture of that claim).
export const handler = (event, context, callback) => {
  callback(null, 'esm callback answer');
};
