/**
 * Call `stop` once when the process that started this one goes away. `npx crm schedule` and
 * `npm run …` put npm between the user and node, and npm does not pass SIGTERM on: killing it left
 * the scheduler running (and starting runs) as an orphan. An orphan is re-parented (to init or a
 * subreaper), so a changed parent pid means whoever started us is gone. Polled, since Node has no
 * parent-death signal; the timer does not keep the process alive.
 *
 * @example const dispose = onParentExit(() => void scheduler.stop('parent exited'));
 * @returns a function that stops watching
 */
export function onParentExit(stop: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
