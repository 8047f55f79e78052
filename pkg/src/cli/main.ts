/**
 * `ledgerbridge <command>`: dispatches to `plan`, `validate-bill`, `preview` and `push-failed`, prints
 * `--help` and `--version`, and turns whatever a command throws into one line on stderr and an exit code
 * (`EXIT` in `io.ts`). Never a stack trace, never a token or secret: errors print as `name: message`, and the
 * client's messages are built without them.
 * @module
 */
import { EngineError, InputError, LedgerbridgeError, NotInitializedError } from '../errors.js';
import { version } from '../node.js';
import { BadInputError, type Command, type Context, EXIT, InputInFile, oneLine, Output, parseCommand, UsageError } from './io.js';
import { plan } from './plan.js';
import { preview } from './preview.js';
import { pushFailed } from './push-failed.js';
import { validateBill } from './validate-bill.js';

const COMMANDS: readonly Command[] = [plan, validateBill, preview, pushFailed];

const USAGE = `${COMMANDS.map((c, i) => `${i === 0 ? 'usage: ' : '       '}${c.usage.split('\n')[0]?.replace(/^usage: /, '')}`).join('\n')}
       ledgerbridge --version | --help | <command> --help

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

exit codes: 0 done (plan printed, bill eligible, every push done); 1 bill not eligible or a push failed;
            2 bad input or usage; 3 API or network failure; 4 a bug in ledgerbridge; 130 interrupted (Ctrl-C)
`;

/** The exit code for what a command threw, after one line on stderr (and the usage, for a usage error). */
function report(error: unknown, stderr: Output, interrupted: boolean): number {
  const line = (message: string) => stderr.write(`${stderr.paint('red', 'ledgerbridge:')} ${oneLine(message)}\n`);
  if (error instanceof UsageError) {
    line(error.message);
    stderr.write(error.usage);
    return EXIT.usage;
  }
  if (error instanceof BadInputError) {
    line(error.message);
    return EXIT.usage;
  }
  if (error instanceof InputError || error instanceof InputInFile) {
    line(`${error.name}: ${error.message}`);
    return EXIT.usage;
  }
  if (interrupted) {
    // Whatever failed after a Ctrl-C failed because of it.
    line('interrupted');
    return EXIT.interrupted;
  }
  if (error instanceof LedgerbridgeError && !(error instanceof EngineError) && !(error instanceof NotInitializedError)) {
    // The client's errors: the API's message, the status and `x-request-id` are in the message where known.
    const id = (error as { requestId?: unknown }).requestId;
    const suffix = typeof id === 'string' && !error.message.includes(id) ? ` (x-request-id ${id})` : '';
    line(`${error.name}: ${error.message}${suffix}`);
    return EXIT.api;
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  line(`${name}: ${message} — a bug in ledgerbridge, please report it`);
  return EXIT.internal;
}

/** Runs the CLI on `argv` (without `node` and the script) and resolves with the exit code. */
export async function main(argv: string[], context: Context): Promise<number> {
  const { stdout, stderr } = context;
  let signal: AbortSignal | undefined;
  const interrupts = () => (signal ??= context.interrupts());
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new UsageError('missing command', USAGE);
    if (first === '--version') {
      if (rest.length > 0) throw new UsageError(`--version takes no arguments`, USAGE);
      stdout.write(`ledgerbridge ${version()}\n`);
      return EXIT.ok;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      const command = COMMANDS.find((c) => c.name === topic);
      if (topic !== undefined && command === undefined) throw new UsageError(`unknown command '${topic}'`, USAGE);
      stdout.write(command ? command.usage : USAGE);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`, USAGE);
    const command = COMMANDS.find((c) => c.name === first);
    if (command === undefined) throw new UsageError(`unknown command '${first}'`, USAGE);
    const { values, positionals } = parseCommand(command, rest);
    if (values.help) {
      stdout.write(command.usage);
      return EXIT.ok;
    }
    return await command.run(values, positionals, { ...context, interrupts });
  } catch (error) {
    return report(error, stderr, signal?.aborted === true);
  }
}
