// ES module fixture: a default and a named export, no top-level await.
export default 'default export';
export const named = 'named export';
