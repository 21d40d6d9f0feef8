import { Command } from 'commander';
import { emit, table } from '../output.js';
import { exitCodes } from '../usage-error.js';
import { probeMachine } from './probe.js';
import { evaluate } from './report.js';

const symbols = { ok: 'ok', missing: 'MISSING', warning: 'warning' } as const;

export function doctorCommand(): Command {
  return new Command('doctor')
    .description(
      'check every component this machine needs; exit 1 when something required is missing',
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const report = evaluate(await probeMachine());
      emit(Boolean(options.json), report, () => {
        const rows = report.checks.map((c) => [c.component, symbols[c.status], c.detail]);
        const fixes = report.checks.filter((c) => c.fix).map((c) => `  ${c.component}: ${c.fix}`);
        return [table(rows), ...(fixes.length ? ['', 'To fix:', ...fixes] : [])].join('\n');
      });
      process.exitCode = report.ok ? exitCodes.ok : exitCodes.failed;
    });
}
