// What the harness removes from an output before it is compared: what differs between machines
// and runs (harness/observation.ts normalise), and nothing else; and how a terminal's stdout is compared.
import { describe, expect, it } from 'vitest';
import { behaviour, behaviourDiff, normalise, type StoredObservation } from '../../harness/observation.ts';

const at = { dir: '/tmp/x/scenarios/network', scenarios: '/tmp/x/scenarios', root: '/tmp/x' };

describe('normalise', () => {
  it("a loopback port from listen(0), in an address and in an error's fields, reads <port>", () => {
    const crash = [
      'Error: listen EADDRINUSE: address already in use 127.0.0.1:41235',
      "  code: 'EADDRINUSE',",
      "  address: '127.0.0.1',",
      '  port: 41235',
      'connect ECONNREFUSED [::1]:9 and localhost:80',
    ].join('\n');
    expect(normalise(crash, at)).toBe([
      'Error: listen EADDRINUSE: address already in use 127.0.0.1:<port>',
      "  code: 'EADDRINUSE',",
      "  address: '127.0.0.1',",
      '  port: <port>',
      'connect ECONNREFUSED [::1]:<port> and localhost:<port>',
    ].join('\n'));
  });

  it('leaves numbers that are not ports alone', () => {
    const text = 'exit code 1 at 12:30:45, 127.0.0.10 seen, support: 8080, errno: -98, report: 3';
    expect(normalise(text, at)).toBe(text);
  });

  it('paths, pids and the version in a crash trailer', () => {
    expect(normalise('(node:1234) Warning at /tmp/x/scenarios/network/a.js:3\nNode.js v22.1.0', at)).toBe('(node:<pid>) Warning at <dir>/a.js:3\nNode.js <version>');
  });
});

describe('behaviour on a terminal', () => {
  const crash = (place: string, trailer: string[]): StoredObservation => ({
    id: 'x/y', node: 'v18.20.8', exitCode: 1, signal: null, stderr: '', exitEvent: { fired: true, code: 1 }, exitHandler: [], timedOut: false, stdio: 'tty',
    stdout: ['piped line', `${place}`, '      throw er; // Unhandled \'error\' event', '      ^', '', 'Error: write EPIPE', '    at afterWriteDispatched (node:internal/stream_base_commons:161:15)', ...trailer, ''].join('\n'),
  });
  it('reads stdout as stderr is read (both streams are the one terminal): a crash report differing only in Node\'s own source place and trailer behaves the same', () => {
    expect(behaviourDiff(crash('node:events:491', []), crash('node:events:515', ['', 'Node.js <version>']))).toEqual([]);
    expect(behaviour(crash('node:events:491', [])).stdout).toBe('piped line\nError: write EPIPE');
  });
  it('still tells a different line apart, and reads any other kind\'s stdout exactly', () => {
    const other = crash('node:events:491', []);
    expect(behaviourDiff(other, { ...other, stdout: other.stdout.replace('piped line', 'another line') }).map((d) => d.field)).toEqual(['stdout']);
    const { stdio: _s, ...socket } = other;
    expect(behaviourDiff(socket, { ...socket, stdout: socket.stdout.replace('node:events:491', 'node:events:515') }).map((d) => d.field)).toEqual(['stdout']);
  });
});
