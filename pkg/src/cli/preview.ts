/**
 * `ledgerbridge preview --entity ID`: the client's `previewSync` against the Monite API (the sandbox by default,
 * or the simulator), printed as the plan's JSON or its `--summary`.
 * @module
 */
import { type Command, EXIT, flag, outputMode, OUTPUT_OPTIONS, printJson, printSummary } from './io.js';
import { connect, REMOTE_ENVIRONMENT, REMOTE_EXITS, REMOTE_OPTIONS, REMOTE_USAGE } from './remote.js';

export const preview: Command = {
  name: 'preview',
  summary: 'load an entity through the Monite API and print its sync plan',
  usage: `usage: ledgerbridge preview --entity ID [--base-url URL] [--accounting FILE] [--policy FILE]
                          [--no-synced-records] [--summary | --json]

  Loads everything the plan needs through the Monite API — counterparts, products, bills, invoices,
  credit notes, payment records, tax rates, ledger accounts, settings, the connection and, once the entity
  has a connection, its synced records (a re-sync preview) — and prints the plan.

${REMOTE_USAGE}

  --no-synced-records  preview as a first sync (no synced-record request)
  --json               the plan (SPEC §8) as JSON (the default)
  --summary            readable tables instead, with the re-sync part (links, drift, already pushed, failed)
  -h, --help           this text

${REMOTE_ENVIRONMENT}

  Exit: 0 the plan was printed; ${REMOTE_EXITS}
`,
  options: { ...REMOTE_OPTIONS, 'no-synced-records': { type: 'boolean' }, ...OUTPUT_OPTIONS },
  positionals: [0, 0],
  async run(values, _positionals, context) {
    const mode = outputMode(preview, values);
    const remote = connect(preview, values, context);
    const plan = await remote.preview({ syncedRecords: !flag(values, 'no-synced-records') });
    const { stdout } = context;
    if (mode === 'json') {
      printJson(stdout, plan);
    } else {
      stdout.write(`${stdout.paint('bold', 'ENTITY')} ${remote.entityId} (${remote.baseUrl})\n\n`);
      printSummary(stdout, plan);
    }
    return EXIT.ok;
  },
};
