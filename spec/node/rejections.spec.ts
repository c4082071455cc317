import { byNode, claim, describe, expect, type Observation } from '../../harness/claims.ts';

const WARNING = 'UnhandledPromiseRejectionWarning: Error: boom';
const DEP0018 = '[DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.';
const BAD_MODE = 'invalid value for --unhandled-rejections';

describe('an unhandled rejection, by default', () => {
  claim('rejections/unhandled-default', (r) => {
    byNode({
      '<15': () => {
        expect(r).toPrint(['timer ran', 'exit 0']);
        expect(r).toExitWith(0);
        expect(r).toPrintError(WARNING);
        expect(r).toPrintError(DEP0018);
      },
      '>=15': () => {
        expect(r).toPrint(['exit 1']);
        expect(r).toHaveExitEvent(1, ['exit 1']);
        expect(r).toExitWith(1);
        expect(r).toPrintError(/^Error: boom$/);
        expect(r).not.toPrintError('UnhandledPromiseRejectionWarning');
      },
    })();
  });

  // From 15 on the rejection crashes the process with the same message everywhere; how the error
  // is printed is not the same. Without a stack (before nodejs/node#52108: up to 20.14.0, all of
  // 21.x, up to 22.1.0) util.inspect shows it in square brackets; with one (20.15.0+, 22.2.0+, 23+)
  // it prints name and message on a line of their own, then stack frames.
  const NON_ERROR_MESSAGE =
    'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "just a string".';
  const exactLine = (line: string) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const crashes = (r: Observation) => {
    expect(r).toPrint(['exit 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError(exactLine("  code: 'ERR_UNHANDLED_REJECTION'"));
  };
  const crashesStackless = (r: Observation) => {
    crashes(r);
    expect(r).toPrintError(exactLine(`[${NON_ERROR_MESSAGE}] {`));
    expect(r).not.toPrintError(exactLine(NON_ERROR_MESSAGE));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  };
  const crashesWithStack = (r: Observation) => {
    crashes(r);
    expect(r).toPrintError(exactLine(NON_ERROR_MESSAGE));
    expect(r).not.toPrintError(exactLine(`[${NON_ERROR_MESSAGE}] {`));
    expect(r.stderr).toContain(`${NON_ERROR_MESSAGE}\n    at `);
  };
  claim('rejections/unhandled-non-error', (r) => {
    byNode<(r: Observation) => void>({
      '<15': () => {
        expect(r).toPrint(['exit 0']);
        expect(r).toExitWith(0);
        expect(r).toPrintError('UnhandledPromiseRejectionWarning: just a string');
      },
      '>=15 <20.15.0': crashesStackless,
      '>=20.15.0 <21': crashesWithStack,
      '>=21 <22.2.0': crashesStackless,
      '>=22.2.0': crashesWithStack,
    })(r);
  });
});

describe('--unhandled-rejections modes, without and with an unhandledRejection listener', () => {
  claim('rejections/mode-strict', (r) => {
    expect(r).toPrint(['exit 1']);
    expect(r).toHaveExitEvent(1);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: boom$/);
  });

  claim('rejections/mode-strict-handler', (r) => {
    expect(r).toPrint(['exit 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: boom$/);
  });

  claim('rejections/mode-throw', (r) => {
    byNode({
      '<14.5': () => {
        expect(r).toExitWith(9);
        expect(r).toPrint('');
        expect(r).toSkipExitEvent();
        expect(r).toPrintError(BAD_MODE);
      },
      '>=14.5': () => {
        expect(r).toPrint(['exit 1']);
        expect(r).toHaveExitEvent(1);
        expect(r).toExitWith(1);
        expect(r).toPrintError(/^Error: boom$/);
      },
    })();
  });

  claim('rejections/mode-throw-handler', (r) => {
    byNode({
      '<14.5': () => {
        expect(r).toExitWith(9);
        expect(r).toPrint('');
        expect(r).toPrintError(BAD_MODE);
      },
      '>=14.5': () => {
        expect(r).toPrint(['unhandledRejection: boom', 'timer ran', 'exit 0']);
        expect(r).toExitWith(0);
        expect(r).toHaveQuietStderr();
      },
    })();
  });

  claim('rejections/mode-warn', (r) => {
    expect(r).toPrint(['timer ran', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toPrintError(WARNING);
    expect(r).not.toPrintError('DEP0018');
  });

  claim('rejections/mode-warn-handler', (r) => {
    expect(r).toPrint(['unhandledRejection: boom', 'timer ran', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toPrintError(WARNING);
  });

  claim('rejections/mode-none', (r) => {
    expect(r).toPrint(['timer ran', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('rejections/mode-none-handler', (r) => {
    expect(r).toPrint(['unhandledRejection: boom', 'timer ran', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('rejections/mode-warn-with-error-code', (r) => {
    byNode({
      '<14.5': () => {
        expect(r).toExitWith(9);
        expect(r).toPrint('');
        expect(r).toPrintError(BAD_MODE);
      },
      '>=14.5': () => {
        expect(r).toPrint(['timer ran', 'exit 1']);
        expect(r).toHaveExitEvent(1);
        expect(r).toExitWith(1);
        expect(r).toPrintError(WARNING);
      },
    })();
  });

  claim('rejections/mode-warn-with-error-code-handler', (r) => {
    byNode({
      '<14.5': () => {
        expect(r).toExitWith(9);
        expect(r).toPrint('');
        expect(r).toPrintError(BAD_MODE);
      },
      '>=14.5': () => {
        expect(r).toPrint(['unhandledRejection: boom', 'timer ran', 'exit 0']);
        expect(r).toExitWith(0);
        expect(r).toHaveQuietStderr();
      },
    })();
  });
});

describe('a handler attached late', () => {
  claim('rejections/late-catch', (r) => {
    expect(r).toPrint(['unhandledRejection: late', 'caught late: late', 'rejectionHandled, same promise: true', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('rejections/late-catch-warning', (r) => {
    expect(r).toPrint(['caught late: late', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toPrintError('UnhandledPromiseRejectionWarning: Error: late');
    expect(r).toPrintError('PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)');
  });

  claim('rejections/late-catch-none', (r) => {
    expect(r).toPrint(['caught late: late', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).not.toPrintError('UnhandledPromiseRejectionWarning');
    expect(r).toPrintError('PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)');
  });
});

describe('await inside try/catch', () => {
  claim('rejections/await-try-catch', (r) => {
    expect(r).toPrint(['end of code', 'caught: rejected from a timer', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});
