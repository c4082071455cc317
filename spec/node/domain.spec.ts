import { byNode, claim, describe, expect } from '../../harness/claims.ts';

const SAY = ["Hello! I'm module!", '에러 발생 : Error: 오류 핸들링 테스트'];

describe('domain.run() catches what try/catch cannot', () => {
  claim('domain/run-timer-throw', (r) => {
    expect(r).toPrint([...SAY, 'exit event: 0']);
    expect(r).toHaveExitEvent(0, ['exit event: 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('implicit binding', () => {
  claim('domain/implicit-emitter', (r) => {
    expect(r).toPrint([
      'emitter.domain is d: true',
      'domain error: emitter failed',
      'err.domainEmitter is the emitter: true',
      'err.domainThrown: false',
      'after emit',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/implicit-stream', (r) => {
    expect(r).toPrint(['stream.domain is d: true', 'destroy returned', 'domain error: stream broke', 'err.domainEmitter is the stream: true']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/implicit-fs-callback', (r) => {
    expect(r).toPrint([
      'callback got: ENOENT',
      'callback runs in d: true',
      'domain error: thrown from the readFile callback',
      'err.domainThrown: true',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('explicit binding', () => {
  claim('domain/add-emitter', (r) => {
    expect(r).toPrint([
      'before add, emitter.domain: null',
      'after add, emitter.domain is d: true',
      'd.members holds it: true',
      'domain error: added emitter failed',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/remove-emitter', (r) => {
    expect(r).toPrint(['bound: true', 'after remove, emitter.domain: null', 'exit event: 1']);
    expect(r).toHaveExitEvent(1, ['exit event: 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError("throw er; // Unhandled 'error' event");
    expect(r).toPrintError(/^Error: removed emitter failed$/);
  });

  claim('domain/bind', (r) => {
    expect(r).toPrint([
      'process.domain at top level: null',
      'bound callback got 42, in d: true',
      'domain error: thrown in a bound callback',
      'err.domainThrown: true',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/intercept', (r) => {
    expect(r).toPrint([
      'domain error: passed as the first argument (domainThrown: false, domainBound is the callback: true)',
      'callback called with 2 arguments: first result, second result',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('where domains stop helping', () => {
  claim('domain/throw-in-error-handler', (r) => {
    expect(r).toPrint(['domain error: first error']);
    expect(r).toExitWith(7);
    expect(r).toSkipExitEvent();
    expect(r).toPrintError(/^Error: thrown inside the error listener$/);
  });

  claim('domain/promise-then-throw', (r) => {
    const outcome = byNode({
      '<15': 'warning',
      '>=15.0.0 <15.3.0': 'crash',
      '>=15.3.0': 'domain',
    });
    if (outcome === 'domain') {
      expect(r).toPrint(['in then, process.domain is d: true', 'domain error: thrown in then', 'exit event: 0']);
      expect(r).toExitWith(0);
      expect(r).toHaveQuietStderr();
    } else if (outcome === 'warning') {
      expect(r).toPrint(['in then, process.domain is d: true', 'exit event: 0']);
      expect(r).toExitWith(0);
      expect(r).toPrintError('UnhandledPromiseRejectionWarning: Error: thrown in then');
    } else {
      expect(r).toPrint(['in then, process.domain is d: true', 'exit event: 1']);
      expect(r).toHaveExitEvent(1, ['exit event: 1']);
      expect(r).toExitWith(1);
      expect(r).toPrintError(/^Error: thrown in then$/);
    }
  });

  claim('domain/promise-vs-unhandled-rejection', (r) => {
    expect(r).toPrint(byNode({
      '<15.3.0': ['process unhandledRejection: thrown in then'],
      '>=15.3.0': ['domain error: thrown in then'],
    }));
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/pending-deprecation', (r) => {
    expect(r).toPrint(['running in a domain: true']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('domains in servers and clusters', () => {
  claim('domain/http-per-request', (r) => {
    expect(r).toPrint([
      '[server] requestDomain error: handler failed later /fail',
      '[client] /fail -> 500 "Error occurred, sorry."',
      '[client] /hello -> 200 "ok /hello"',
      '[server] closed',
      'exit event: 0',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('domain/cluster-restart', (r) => {
    const round = (id: number, last: boolean) => [
      ...SAY,
      `[worker disconnected] ${id}`,
      `[worker ${id} exited] code 0, signal null`,
      ...(last ? [] : ['[new worker forked!]']),
    ];
    expect(r).toPrint([
      ...round(1, false),
      ...round(2, false),
      ...round(3, false),
      ...round(4, true),
      '[primary] 3 restarts done, not forking again',
      '[primary] 4 workers forked, 4 distinct worker pids; exit code 0',
    ]);
    expect(r).toHaveExitEvent(0, ['[primary] 4 workers forked, 4 distinct worker pids; exit code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});
