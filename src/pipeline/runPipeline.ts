import type { DuckDBConnection } from '@duckdb/node-api';
import { isAbsolute, join } from 'node:path';
import { analyze, type AnalyzeResult } from '../analyze/analyze.js';
import { dataRange } from '../analyze/resolveAsOf.js';
import { loadFiles } from '../load/loadFiles.js';
import { EMPTY_MAPPING, readMapping } from '../load/mapping.js';
import type { LoadSummary } from '../load/types.js';
import { readRules } from '../rfm/rules.js';
import { writeReport } from '../report/writeReport.js';
import { inputError } from '../util/error.js';
import { packageRoot } from '../util/paths.js';
import { applyAsOfRule } from './asOf.js';
import type { Pipeline } from './types.js';

export interface PipelineRunOptions {
  /** override the pipeline's as-of rule */
  asOf?: string;
  /** override the pipeline's reports folder */
  outDir?: string;
  /** progress lines */
  log?: (line: string) => void;
}

export interface PipelineRunResult {
  load: LoadSummary;
  analysis: AnalyzeResult;
  reportPath: string;
}

/** Pipeline paths are relative to the repo root, so a pipeline runs the same from any folder. */
const fromRoot = (p: string): string => (isAbsolute(p) ? p : join(packageRoot(), p));

/**
 * Load the pipeline's inputs (files loaded before are skipped by checksum), analyze as of its
 * rule's date, and write the report.
 *
 * @example await runPipeline(conn, await loadPipeline('weekly'), { log: console.error })
 */
export async function runPipeline(conn: DuckDBConnection, p: Pipeline, opts: PipelineRunOptions = {}): Promise<PipelineRunResult> {
  const log = opts.log ?? (() => {});
  const mapping = p.inputs.mapping ? readMapping(fromRoot(p.inputs.mapping)) : EMPTY_MAPPING;
  const load = await loadFiles(conn, p.inputs.files.map(fromRoot), { mapping, mappingSource: p.inputs.mapping ?? 'the default mapping' });
  log(`load: ${load.rows_read} rows read, ${load.loaded} loaded, ${load.duplicates} duplicates (already loaded), ${load.quarantined} quarantined`);
  const range = await dataRange(conn);
  if (!range) throw inputError(`pipeline ${p.name}: its inputs hold no usable transactions`);
  const asOf = opts.asOf ?? applyAsOfRule(p.asOf, range.last);
  const rules = p.rules ? readRules(fromRoot(p.rules)) : undefined;
  const analysis = await analyze(conn, { asOf, pipeline: p.name, ...(rules ? { rules } : {}) });
  log(`analyze: run ${analysis.runId} as of ${analysis.asOf}, ${analysis.customers} customers`);
  const reportPath = await writeReport(conn, analysis.runId, opts.outDir ?? fromRoot(p.outputs.reportsDir));
  return { load, analysis, reportPath };
}
