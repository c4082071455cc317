// ES module fixture with a syntax error.
export const value = ;
