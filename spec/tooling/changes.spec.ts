// harness/changes.ts: what a `changes:` entry means, on made-up entries: its edges, whether it
// explains a difference between two releases, whether a bisected boundary confirms it, whether
// it accounts for a boundary a byNode range states. `never:` included.
import { describe, expect, it } from 'vitest';
import { accountsFor, changeLabel, confirms, edges, explanation, lineOf, relation, spans, type Bisected } from '../../harness/changes.ts';
import type { Scenario, VersionChange } from '../../harness/harness.ts';
import type { Boundary } from '../../tools/bisect-core.ts';
import { changeNotes } from '../../tools/upgrade.ts';

const at = (v: string): VersionChange => ({ in: v, what: `since ${v}`, link: 'l' });
const never = (n: string): VersionChange => ({ never: n, what: `never in ${n}`, link: 'l' });
const b = (before: string, first: string, missing: string[] = [], possiblyMissing: string[] = []): Bisected => ({ before, first, missing, possiblyMissing });

describe('a changes: entry', () => {
  it('has edges: `in` one certain edge; `never: N` the first releases of N and N+1, neither certain', () => {
    expect(edges(at('16.4.0'))).toEqual([{ at: '16.4.0', certain: true }]);
    expect(edges(never('21'))).toEqual([{ at: '21.0.0', certain: false }, { at: '22.0.0', certain: false }]);
    expect([lineOf(at('16.4.0')), lineOf(never('21'))]).toEqual(['16', '21']);
    expect([changeLabel(at('16.4.0')), changeLabel(never('21'))]).toEqual(['16.4.0', 'never in 21.x']);
  });

  it('spans (from, to] when one of its edges lies there (a leading v allowed)', () => {
    expect(spans(at('16.4.0'), '16.3.0', '16.4.0')).toBe(true);
    expect(spans(at('16.4.0'), 'v16.4.0', 'v16.5.0')).toBe(false);
    expect(spans(at('16.4.0'), '15.0.0', '17.0.0')).toBe(true);
    // never 21: across either end of the line, not inside it.
    expect(spans(never('21'), '20.19.0', '21.0.0')).toBe(true);
    expect(spans(never('21'), '21.7.3', '22.0.0')).toBe(true);
    expect(spans(never('21'), '21.0.0', '21.7.3')).toBe(false);
    expect(spans(never('21'), '22.0.0', '23.0.0')).toBe(false);
  });
});

describe('explanation: the entry that explains a difference between two releases', () => {
  const changes = [at('20.19.0'), never('21'), at('22.12.0')];
  it('an entry with an edge in (from, to], the first in header order', () => {
    expect(explanation(changes, 'v20.18.3', 'v20.19.0')).toBe(changes[0]);
    expect(explanation(changes, 'v20.19.0', 'v21.0.0')).toBe(changes[1]);
    expect(explanation(changes, 'v21.7.3', 'v22.0.0')).toBe(changes[1]);
    expect(explanation(changes, 'v22.11.0', 'v22.12.0')).toBe(changes[2]);
  });

  it('a difference inside a line that never got the change is not explained by that entry', () => {
    expect(explanation(changes, 'v21.1.0', 'v21.7.3')).toBeNull();
  });

  it('a backport between two lines: the entry of `from`\'s line nearest to it, when `to`\'s line gets the change after `to`', () => {
    const bp = [at('12.16.0'), at('13.5.0'), at('12.1.0')];
    expect(explanation(bp, 'v12.22.12', 'v13.0.0')).toBe(bp[0]);
    expect(explanation([bp[0]!], 'v12.22.12', 'v13.0.0')).toBeNull(); // no later entry for 13.x
    expect(explanation(bp, 'v12.15.0', 'v13.0.0')).toBe(bp[0]); // 12.16.0 lies in (from, to]: explained directly
  });
});

describe('accountsFor: a boundary another statement (a byNode range) puts at a release', () => {
  it('an entry\'s edge, `never:` edges included', () => {
    expect(accountsFor([at('16.4.0')], '16.4.0')).toBe(true);
    expect(accountsFor([at('16.4.0')], '16.5.0')).toBe(false);
    expect(accountsFor([never('21')], '21.0.0')).toBe(true);
    expect(accountsFor([never('21')], '22.0.0')).toBe(true);
    expect(accountsFor([never('21')], '21.1.0')).toBe(false);
  });

  it('a line start that a backport explains: an entry of the line before, and one of this line after its start', () => {
    expect(accountsFor([at('12.17.0'), at('13.12.0')], '13.0.0')).toBe(true);
    expect(accountsFor([at('12.17.0')], '13.0.0')).toBe(false);
    expect(accountsFor([at('12.17.0'), at('13.12.0')], '14.0.0')).toBe(false);
    expect(accountsFor([at('12.17.0'), at('13.12.0')], '13.1.0')).toBe(false);
  });
});

describe('relation: how a bisected boundary stands to an entry', () => {
  it('`in`: at when its first release is `in`; gap when `in` is a release the registry lacks between the sides', () => {
    expect(relation(at('15.9.0'), b('15.8.0', '15.9.0'))).toBe('at');
    expect(relation(at('15.9.0'), b('15.8.0', '15.10.0', ['15.9.0']))).toBe('gap');
    expect(relation(at('15.9.0'), b('15.8.0', '15.10.0', [], ['15.9.0']))).toBe('gap');
    expect(relation(at('15.9.0'), b('15.8.0', '15.10.0'))).toBeNull(); // in range, but not where it was seen
    expect(relation(at('15.9.0'), b('16.0.0', '16.1.0'))).toBeNull();
    expect(confirms(at('15.9.0'), b('15.8.0', '15.10.0', ['15.9.0']))).toBe(true);
    expect(confirms(at('15.9.0'), b('15.8.0', '15.10.0'))).toBe(false);
  });

  it('`never: N`: at for a boundary between lines across N.0.0 or (N+1).0.0; inside for a change within N.x, which contradicts it', () => {
    expect(relation(never('21'), b('20.19.5', '21.0.0'))).toBe('at');
    expect(relation(never('21'), b('21.7.3', '22.0.0'))).toBe('at');
    expect(relation(never('21'), b('21.1.0', '21.2.0'))).toBe('inside');
    expect(relation(never('21'), b('22.1.0', '22.2.0'))).toBeNull();
    expect(relation(never('21'), b('22.20.0', '23.0.0'))).toBeNull();
    expect(confirms(never('21'), b('21.7.3', '22.0.0'))).toBe(true);
    expect(confirms(never('21'), b('21.1.0', '21.2.0'))).toBe(false);
  });
});

describe('the tools read entries through it: upgrade\'s "since" notes', () => {
  const scenario = (changes: VersionChange[]) => ({ changes }) as Scenario;
  const bound = (before: string, first: string, o: Partial<Boundary> = {}): Boundary => ({
    scenario: 'x/y', line: first.split('.')[0]!, before, first, kind: before.split('.')[0] === first.split('.')[0] ? 'within line' : 'line start',
    fields: [], diff: [], missing: [], possiblyMissing: [], notes: [], ...o,
  });

  it('a never: entry is declared for an upgrade across its line\'s edge, not for one inside the line', () => {
    const s = scenario([never('21')]);
    expect(changeNotes(s, '20.19.0', '21.7.3', undefined).map((n) => [n.first, n.status])).toEqual([['never in 21.x', 'declared only']]);
    expect(changeNotes(s, '21.0.0', '21.7.3', undefined)).toEqual([]);
  });

  it('an in: release the registry may lack between the sides of a bisected boundary is that boundary\'s entry (as bisect says: consistent)', () => {
    const s = scenario([at('15.9.0')]);
    const b = bound('15.8.0', '15.10.0', { possiblyMissing: ['15.9.0'] });
    expect(changeNotes(s, '15.0.0', '15.14.0', { majors: ['15'], boundaries: [b] }).map((n) => [n.first, n.status, n.what])).toEqual([['15.10.0', 'bisected', 'since 15.9.0']]);
  });

  it('a never: entry matches the boundary into or out of its line; a change inside it is not its', () => {
    const s = scenario([never('21')]);
    const notes = (b: Boundary) => changeNotes(s, '20.0.0', '22.20.0', { majors: ['20', '21', '22'], boundaries: [b] }).map((n) => [n.first, n.status]);
    expect(notes(bound('21.7.3', '22.0.0'))).toEqual([['22.0.0', 'bisected']]);
    expect(notes(bound('21.1.0', '21.2.0'))).toEqual([['21.2.0', 'bisected only'], ['never in 21.x', 'not found by bisection']]);
  });
});
