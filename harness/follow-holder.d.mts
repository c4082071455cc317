// Types of harness/follow-holder.mjs (plain JavaScript, also run by tools/run.mjs).
/** The processes this one's life hangs on, each with its start time: the parent, and the npm above a `sh -c`. */
export function holders(pid?: number): { pid: number; start: string }[];
/** Follows them: once one is gone, this process is sent SIGTERM (then SIGKILL if it stays). Returns the function that stops following. */
export function followHolder(): () => void;
