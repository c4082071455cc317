// An ES module, for lambda/handlers/module-flags.js to require().
export const kind = 'esm';
