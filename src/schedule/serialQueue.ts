/** Runs async jobs one at a time, in the order they were queued. */
export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

/**
 * A one-at-a-time queue: the scheduler runs its pipelines through one, so a process never opens
 * the database twice at once (the writer lock then orders it against other processes).
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      const result = tail.then(job, job);
      tail = result.catch(() => {});
      return result;
    },
  };
}
