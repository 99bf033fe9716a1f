import { basename } from 'node:path';
import { logFormat } from './logFormat.js';
import type { StepLog } from './types.js';

/** Progress of a multi-file load, shown only on an interactive terminal. */
export interface LoadProgress {
  /** a file starts loading (0-based index) */
  file(index: number, total: number, path: string): void;
  /** erase the progress line (before a log line, or when the load is over) */
  clear(): void;
  /** stop for good */
  done(): void;
}

const QUIET: LoadProgress = { file: () => {}, clear: () => {}, done: () => {} };

/**
 * A one-line progress indicator for long loads on a terminal: which file of how many, and the
 * seconds elapsed, redrawn in place. Nothing is written when stderr is not a TTY or logs are JSON.
 *
 * @example const p = loadProgress(); await loadFiles(conn, files, { ...opts, onFile: p.file }); p.done();
 */
export function loadProgress(stream: NodeJS.WriteStream = process.stderr): LoadProgress {
  if (!stream.isTTY || logFormat() !== 'text') return QUIET;
  let start = 0;
  let label = '';
  const draw = (): void => {
    if (label) stream.write(`\r\x1b[K${label} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  const clear = (): void => {
    if (label) stream.write('\r\x1b[K');
    label = '';
  };
  return {
    file(index, total, path) {
      if (index === 0) start = Date.now();
      label = `loading ${index + 1}/${total} ${basename(path)} …`;
      draw();
    },
    clear,
    done() {
      clearInterval(timer);
      clear();
    },
  };
}

/** A log that first erases the progress line, so the two never mix on one terminal line. */
export const withProgress = (log: StepLog, progress: LoadProgress): StepLog => (e) => {
  progress.clear();
  log(e);
};
