import { closeSync, openSync, writeSync } from "node:fs";
import type { SimLogEvent } from "./log.js";

/**
 * Streams a replication's event log to a JSON Lines file, one event a line, through a small
 * buffer: a year's log (millions of events) never sits in memory. Call close() at the end.
 */
export class JsonLinesWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  /** Events written. */
  count = 0;

  /** @param path The file to write; created or truncated at once. */
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  /**
   * Appends one event; bound to the instance, so it can be passed as a callback. Writes to disk in
   * chunks of about 1 MB.
   */
  readonly write = (e: SimLogEvent): void => {
    const line = JSON.stringify(e);
    this.buffer.push(line);
    this.size += line.length + 1;
    this.count++;
    if (this.size >= 1 << 20) this.flush();
  };

  /** Writes what is buffered and closes the file; call once at the end. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join("\n")}\n`);
    this.buffer = [];
    this.size = 0;
  }
}

/** Where replication i's log goes inside `dir`. */
export function eventLogPath(dir: string, replication: number): string {
  return `${dir.replace(/\/+$/, "")}/replication-${String(replication).padStart(4, "0")}.jsonl`;
}
