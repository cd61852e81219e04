/** Where progress goes: stderr, or a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write: (text: string) => unknown;
}

/** Seconds between plain progress lines when stderr is not a terminal (a log file, CI). */
export const PLAIN_EVERY_MS = 3000;
const BAR_CELLS = 20;

/**
 * The CLI's progress reporter for `Io.progress`. Commands report lines like
 * "simulating zhengzhou-2025: replication 12/20"; "" means done.
 * - On a terminal: one line redrawn in place, with a bar when the line ends in "N/M".
 * - Otherwise (a pipe, a log): the line as plain text at most every PLAIN_EVERY_MS, the first
 *   PLAIN_EVERY_MS after the work began, so a log shows long work moving without thousands of
 *   lines, and quick work prints none; nothing when done.
 */
export function progressReporter(stream: ProgressStream, now: () => number = Date.now): (line: string) => void {
  let lastPlain: number | undefined;
  let drawn = false;
  return (line) => {
    if (!stream.isTTY) {
      if (line === "") {
        lastPlain = undefined;
        return;
      }
      const t = now();
      if (lastPlain === undefined) lastPlain = t;
      if (t - lastPlain < PLAIN_EVERY_MS) return;
      lastPlain = t;
      stream.write(`${line}\n`);
      return;
    }
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    if (line === "") {
      if (drawn) stream.write(`\r${" ".repeat(width)}\r`);
      drawn = false;
      return;
    }
    stream.write(`\r${withBar(line).slice(0, width).padEnd(width)}`);
    drawn = true;
  };
}

/** "label: 12/20" → "label [############--------] 12/20"; other lines unchanged. */
export function withBar(line: string): string {
  const m = /^(.*?):?\s*(\d+)\/(\d+)$/.exec(line);
  if (!m) return line;
  const done = Number(m[2]);
  const total = Number(m[3]);
  if (!(total > 0)) return line;
  const filled = Math.min(BAR_CELLS, Math.round((done / total) * BAR_CELLS));
  return `${m[1]} [${"#".repeat(filled)}${"-".repeat(BAR_CELLS - filled)}] ${done}/${total}`;
}
