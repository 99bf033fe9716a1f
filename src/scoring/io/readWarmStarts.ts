import type { DuckDBConnection } from '@duckdb/node-api';
import { daysPerUnit, type TimeUnit } from '../../models/units.js';
import type { WarmStarts } from '../fitModels.js';

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * A run's stored optima (model_fits) as warm starts in another time unit: α (and the Pareto/NBD's β) scale with the unit,
 * r, a, b, s and the Gamma-Gamma parameters do not. Fits that failed or hit the no-dropout limit
 * (a, b null) are skipped; the fixed starts still run, so a bad warm start can only cost time.
 *
 * @example const warm = await readWarmStarts(conn, previousRunId, 'week');
 */
export async function readWarmStarts(conn: DuckDBConnection, runId: number, unit: TimeUnit): Promise<WarmStarts> {
  const r = await conn.runAndReadAll('SELECT model, params::VARCHAR, time_unit FROM model_fits WHERE run_id = $run AND params IS NOT NULL', { run: runId });
  const warm: WarmStarts = {};
  for (const [model, json, storedUnit] of r.getRows()) {
    const p = JSON.parse(String(json)) as Record<string, unknown>;
    const scale = storedUnit === 'day' || storedUnit === 'week' ? daysPerUnit(storedUnit) / daysPerUnit(unit) : 1;
    if ((model === 'bgnbd' || model === 'mbgnbd') && [p['r'], p['alpha'], p['a'], p['b']].every(positive)) {
      warm[model] = { r: p['r'] as number, alpha: (p['alpha'] as number) * scale, a: p['a'] as number, b: p['b'] as number };
    } else if (model === 'pnbd' && [p['r'], p['alpha'], p['s'], p['beta']].every(positive)) {
      // β is a time scale like α
      warm.pnbd = { r: p['r'] as number, alpha: (p['alpha'] as number) * scale, s: p['s'] as number, beta: (p['beta'] as number) * scale };
    } else if (model === 'gammagamma' && [p['p'], p['gamma']].every(positive) && positive(p['q']) && (p['q'] as number) > 1) {
      warm.gammagamma = { p: p['p'] as number, q: p['q'] as number, gamma: p['gamma'] as number };
    }
  }
  return warm;
}
