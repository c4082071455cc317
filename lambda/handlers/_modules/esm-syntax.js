// ES module syntax in a .js file whose package.json declares no type, for lambda/handlers/module-flags.js.
export const kind = 'esm syntax';
