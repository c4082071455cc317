// A claim page's section on recognising the claim in one's own program: which situations make
// `npm run explain` name it (the scenario header's `explains`, harness/situations.ts) and what the
// report shows then; for a Lambda handler, the local service's report of what a freeze left
// pending. Rendered into each page by tools/catalog-render.ts renderClaim.
import { SITUATION_WORDS, SITUATIONS, type Situation } from '../harness/situations.ts';
import type { Claim } from './catalog-model.ts';
import { BEST_MARK, CLAIMS_HEADING } from './explain.ts';

export function explainSection(c: Claim): string[] {
  const out = ['## Recognise it in your program', ''];
  if (c.kind === 'lambda') {
    out.push(
      `Run your handler in the local Lambda service: \`npm run lambda -- path/to/handler.js --event '{}' --event '{}'\`. After an invocation whose environment was frozen with work of its code not finished, a line of the service's own (\`--- frozen with work ...\`, not an AWS line) names each timer, socket, request or promise with the line that created it (\`pendingAtFreeze\` with \`--json\`).`,
      '',
    );
    return out;
  }
  const named = (Object.entries(c.s.explains) as [Situation, number][]).sort((a, b) => a[1] - b[1] || SITUATIONS.indexOf(a[0]) - SITUATIONS.indexOf(b[0]));
  if (!named.length) {
    out.push('`npm run explain -- path/to/app.js` does not name this claim: it names the claims of the situations it tells apart (a natural end with work pending, a hang, a crash from an asynchronous callback, `process.exit()`, lost output). It still says how your program ended, what was pending or kept it alive, and where.', '');
    return out;
  }
  out.push(`Run your program under \`npm run explain -- path/to/app.js\` (add \`--node 12,22,26\` to compare versions). Under "${CLAIMS_HEADING}" it lists \`${c.id}\` when it sees:`, '');
  for (const [x, rank] of named) out.push(`- ${SITUATION_WORDS[x]}: ${rank === 1 ? `among the best matches (the first is marked ${BEST_MARK} and shown with its why and instead)` : 'after the best matches, as a related claim'}`);
  out.push('');
  return out;
}
