/**
 * `ledgerbridge validate-bill <bill.json|-> [--context ctx.json]`: one bill through `validateBill`, as a form
 * checks it. Exit 0 eligible, 1 not eligible (the issues by path), 2 bad input.
 * @module
 */
import type { BillContext, Issue, Payable, PushResult } from '../api.js';
import { validateBill as validate } from '../node.js';
import { type Command, EXIT, issuePath, type Output, outputMode, OUTPUT_OPTIONS, printJson, readJson, sourceName, text, UsageError, withSources } from './io.js';

export const validateBill: Command = {
  name: 'validate-bill',
  summary: 'check one bill for pushing: eligible, or every issue by path',
  usage: `usage: ledgerbridge validate-bill <bill.json|-> [--context ctx.json] [--summary | --json]

  Validates one bill (a PayableResponseSchema with its line_items; - for stdin) against an optional
  context (BillContext: ledger_accounts, tax_rates, settings, policy, connection, counterparts).

  --context FILE  the BillContext JSON (- for stdin, when the bill is a file)
  --json          the result ({ monite_id, eligible, errors, warnings, synced, payload }) as JSON (the default)
  --summary       a readable list instead: line_items[0].ledger_account_id: ledger_account_missing — …
  -h, --help      this text

  Exit: 0 eligible; 1 not eligible; 2 bad input (one line on stderr naming the file and JSON path) or usage.
`,
  options: { context: { type: 'string' }, ...OUTPUT_OPTIONS },
  positionals: [1, 1],
  async run(values, [billSource = '-'], { stdout }) {
    const mode = outputMode(validateBill, values);
    const contextSource = text(values, 'context');
    if (billSource === '-' && contextSource === '-') throw new UsageError('validate-bill: only one of the bill and --context can be read from stdin', validateBill.usage);
    const bill = readJson(billSource, 'bill');
    const context = contextSource === undefined ? undefined : readJson(contextSource, 'context');
    const files: Record<string, string> = { bill: sourceName(billSource), ...(contextSource === undefined ? {} : { context: sourceName(contextSource) }) };
    const result = withSources(files, () => validate(bill as Payable, context as BillContext | undefined));
    if (mode === 'summary') printResult(stdout, result);
    else printJson(stdout, result);
    return result.eligible ? EXIT.ok : EXIT.negative;
  },
};

/** `bill <id>: eligible` or `not eligible`, then one line per error and warning: `path: code — message`. */
function printResult(out: Output, result: PushResult): void {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = result.eligible ? out.paint('green', 'eligible') : out.paint('red', 'not eligible');
  const lines = [`bill ${result.monite_id}: ${verdict} (${count(result.errors.length, 'error')}, ${count(result.warnings.length, 'warning')})`];
  const list = (title: string, issues: Issue[], style: 'red' | 'yellow') => {
    if (issues.length === 0) return;
    lines.push(`${title}:`);
    for (const i of issues) lines.push(`  ${issuePath(i.path, 'bill')}: ${out.paint(style, i.code)} — ${i.message}`);
  };
  list('errors', result.errors, 'red');
  list('warnings', result.warnings, 'yellow');
  out.write(`${lines.join('\n')}\n`);
}
