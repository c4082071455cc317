// Worker fixture: throws at its top level.
throw new Error('boom in worker');
