// Run by vitest in each of its workers (setupFiles in vitest.config.ts): a worker follows the
// process that started it, as vitest's main process and every command do (harness/follow-holder.mjs).
// Without it a worker went on alone when vitest's main process was stopped by itself (SIGINT to
// that pid): an e2e worker ran upgrade's oracle for minutes with parent 1. Once per process.
import { followHolder } from './follow-holder.mjs';

followHolder();
