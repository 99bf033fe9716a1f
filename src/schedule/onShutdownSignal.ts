/**
 * Call `stop` on the first SIGINT or SIGTERM (a clean stop); a second signal exits at once
 * (DuckDB rolls back any open transaction when the file is next opened).
 *
 * @returns a function removing the handlers
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void, onForce: (signal: NodeJS.Signals) => void = () => {}): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) {
      onForce(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    received = true;
    stop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
