import { suggestion } from '../util/didYouMean.js';
import { CrmError, exitCodeOf, usageError } from '../util/error.js';
import type { Command, Io } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { backtestCommand } from './commands/backtest.js';
import { deliverCommand } from './commands/deliver.js';
import { loadCommand } from './commands/load.js';
import { queriesCommand } from './commands/queries.js';
import { queryCommand } from './commands/query.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { scheduleCommand } from './commands/schedule.js';
import { parseCommandArgs } from './parse.js';

export const COMMANDS: readonly Command[] = [
  loadCommand, analyzeCommand, reportCommand, runCommand, queryCommand, queriesCommand, runsCommand, scheduleCommand, backtestCommand, deliverCommand,
];

const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `crm — customer analytics on an embedded DuckDB database

usage: crm <command> [options]

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`crm <command> --help\` for a command's options.
Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 bad input (file, mapping, data).
`;
}

const commandHelp = (c: Command): string => `usage: ${c.synopsis}\n\n${c.summary}.\n\n${c.details}\n`;

/**
 * The `crm` command line: returns the exit code instead of exiting, so tests can call it.
 *
 * @example process.exitCode = await main(['query', 'select 1'])
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(target ? commandHelp(target) : overview());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  try {
    if (!cmd) {
      const names = COMMANDS.map((c) => c.name);
      throw usageError(`unknown command "${name}"${suggestion(name, names, (c) => `crm ${c}`)}; commands: ${names.join(', ')} (crm --help)`);
    }
    const { values, positionals } = parseCommandArgs(cmd, rest);
    if (values['help']) {
      io.out(commandHelp(cmd));
      return 0;
    }
    return await cmd.run(values, positionals, io);
  } catch (err) {
    io.err(`crm${cmd ? ' ' + cmd.name : ''}: ${err instanceof CrmError ? '' : 'unexpected error: '}${(err as Error).message}\n`);
    if (!(err instanceof CrmError) && process.env['CRM_DEBUG']) io.err(String((err as Error).stack) + '\n');
    return exitCodeOf(err);
  }
}
