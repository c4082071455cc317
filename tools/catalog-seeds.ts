// The articles the project began with. Scenario headers cite them as `seeds/<file>.txt` (their
// `source:` field), files kept outside this repository, so the site names each by its title and
// links nowhere. Titles read from the articles' own text (000 and 001 carry a title line; 003's
// copy has none, so its opening question stands for it). A citation of a file not listed here is
// still shown without a link, as "an article kept outside the repository".

export interface Seed {
  /** The article's title, in its language (Korean). */
  title: string;
  /** The title in English. */
  english: string;
  /** Author and date, where the article's copy names them. */
  byline?: string;
}

export const SEEDS: Record<string, Seed> = {
  'seeds/000_c4cf722c2d65d74d.txt': { title: 'callbackWaitsForEmptyEventLoop와 AWS Lambda의 함정', english: 'callbackWaitsForEmptyEventLoop and the trap in AWS Lambda', byline: 'if1live, 2020-10-30' },
  'seeds/001_99d9f25adfe44947.txt': { title: '[Node.js] 이벤트 루프는 pending Promise를 기다려주지 않는다.', english: 'The event loop does not wait for a pending Promise', byline: '2022-06-03' },
  'seeds/003_43754586e9320e59.txt': { title: 'try/catch는 모든 에러를 잡을 수 있을까?', english: 'Can try/catch catch every error? (the article\'s opening question; its copy has no title line)' },
};

/** A `seeds/….txt` citation inside a header's text. */
export const SEED_CITATION = /\bseeds\/[\w.-]+\.txt\b/g;
