import { claim, describe, expect } from '../../harness/claims.ts';

describe("EventEmitter 'error'", () => {
  claim('events/error-no-listener', (r) => {
    expect(r).toPrint(['exit 1']);
    expect(r).toHaveExitEvent(1);
    expect(r).toExitWith(1);
    expect(r).toPrintError("Error [ERR_UNHANDLED_ERROR]: Unhandled error. ('oops')");
  });

  claim('events/error-listener', (r) => {
    expect(r).toPrint(['listener got: bad thing', 'after emit', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('events/error-monitor', (r) => {
    expect(r).toPrint(['monitor saw: bad thing', 'exit 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: bad thing$/);
    expect(r).toPrintError("Emitted 'error' event at:");
  });
});

describe('stream errors: pipeline versus pipe', () => {
  claim('events/pipeline-error', (r) => {
    expect(r).toPrint(['pipeline callback: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('events/pipe-no-forward', (r) => {
    expect(r).toPrint(['exit 1, sink destroyed: false, sink ended: false']);
    expect(r).toHaveExitEvent(1);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: source failed$/);
    expect(r).toPrintError("Emitted 'error' event on Readable instance at:");
  });

  claim('events/pipeline-promises', (r) => {
    expect(r).toPrint(['caught: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});
