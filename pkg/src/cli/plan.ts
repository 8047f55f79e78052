/**
 * `ledgerbridge plan <file|->`: the sync plan (SPEC §8) of a `PlanInput` JSON document, as JSON on stdout or,
 * with `--summary`, as readable tables. Bad input: one line naming the JSON path, exit 2.
 * @module
 */
import type { SyncPlan } from '../api.js';
import { planSyncBytes } from '../node.js';
import { type Command, EXIT, outputMode, OUTPUT_OPTIONS, printSummary, Progress, readBytes, sourceName, withSources } from './io.js';

export const plan: Command = {
  name: 'plan',
  summary: 'print the sync plan of a PlanInput JSON document (SPEC §8)',
  usage: `usage: ledgerbridge plan <file|-> [--summary | --json]

  Reads a PlanInput JSON document (- for stdin) and prints its sync plan.

  --json        the plan as JSON on stdout (the default)
  --summary     readable tables of counts, the re-sync part and the problems instead
  -h, --help    this text

  Exit: 0 the plan was printed; 2 bad input (one line on stderr naming the JSON path) or usage.
  Progress and timings of large inputs go to stderr when it is a terminal.
`,
  options: { ...OUTPUT_OPTIONS },
  positionals: [1, 1],
  async run(values, [source = '-'], { stdout, stderr }) {
    const mode = outputMode(plan, values);
    const progress = new Progress(stderr);
    progress.update(`reading ${sourceName(source)}…`, true);
    // Bytes in, bytes out (planSyncBytes): the file is never decoded to a string nor the plan encoded again.
    const input = readBytes(source);
    const size = `${(input.byteLength / 1e6).toFixed(1)} MB`;
    progress.update(`planning ${size}…`, true);
    const out = withSources({ '': sourceName(source) }, () => planSyncBytes(input));
    // The progress line shares the terminal with stdout: clear it before the result.
    progress.clear();
    if (mode === 'summary') printSummary(stdout, JSON.parse(new TextDecoder().decode(out)) as SyncPlan);
    else {
      stdout.write(out);
      stdout.write('\n');
    }
    progress.done(`planned ${size}`);
    return EXIT.ok;
  },
};
