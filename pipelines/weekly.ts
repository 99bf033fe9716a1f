import { definePipeline } from '../src/pipeline/types.js';

/**
 * The weekly customer report. Out of the box it runs on the bundled sample export; point
 * `inputs` at your own exports (a glob of daily files works) and their mapping.
 */
export default definePipeline({
  name: 'weekly',
  description: 'Weekly customer report: load new exports, score customers as of the last complete week, write the report',
  schedule: { cron: '0 6 * * 1', timezone: 'UTC' }, // Mondays 06:00, after Sunday's export lands
  inputs: { files: ['fixtures/sample/transactions.csv'], mapping: 'fixtures/sample/mapping.json' },
  asOf: 'week-ending-sunday',
  outputs: { reportsDir: 'reports' },
});
