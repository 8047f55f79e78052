/**
 * What every CLI command shares: exit codes, the errors that choose them, argument parsing (`node:util`
 * `parseArgs`, strict), reading JSON files or stdin, output with colour only on a TTY (and never with
 * `NO_COLOR`), and progress on stderr only when stderr is a TTY.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SyncPlan } from '../api.js';
import { InputError } from '../errors.js';
import { renderSummary } from '../summary.js';

/** The exit codes, as the README's CLI section lists them. */
export const EXIT = {
  /** The plan was printed, the bill is eligible, every push went through (or there was nothing to push). */
  ok: 0,
  /** A negative outcome: the bill is not eligible, or a push failed. */
  negative: 1,
  /**
   * Bad input or usage: a flag, a file or an environment variable (all checked before any request), or a record
   * the API returned that the engine refuses.
   */
  usage: 2,
  /** The API or the network failed (`ApiError`, `AuthError`, `NetworkError`, `TimeoutError`, …). */
  api: 3,
  /** A bug in ledgerbridge (`EngineError`, or anything unexpected). */
  internal: 4,
  /** Stopped by Ctrl-C (SIGINT). */
  interrupted: 130,
} as const;

/** The command line is wrong: the message, then the command's usage, on stderr; exit 2. */
export class UsageError extends Error {
  readonly usage: string;
  constructor(message: string, usage: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}

/** A flag's value, a file or an environment variable is unusable (not a JSON path: see `InputError`); exit 2. */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/** An `InputError` with the file it came from, so the one line says where to look. */
export class InputInFile extends Error {
  readonly error: InputError;
  constructor(error: InputError, where: string) {
    super(`${error.message} (in ${where})`);
    this.name = error.name;
    this.error = error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Output

/** Whether `stream` gets colour: a TTY, `NO_COLOR` unset or empty (https://no-color.org), `TERM` not `dumb`. */
function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const STYLES = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] } as const;
export type Style = keyof typeof STYLES;

/** One output stream: `write`, and `paint` that colours only where `wantsColour` says so. */
export class Output {
  readonly colour: boolean;
  readonly isTTY: boolean;
  readonly #stream: NodeJS.WritableStream;
  constructor(stream: NodeJS.WritableStream & { isTTY?: boolean }, env: NodeJS.ProcessEnv) {
    this.#stream = stream;
    this.isTTY = stream.isTTY === true;
    this.colour = wantsColour(stream, env);
  }
  /** Writes text, or bytes as they are (the plan from `planSyncBytes`). */
  write(text: string | Uint8Array): void {
    this.#stream.write(text);
  }
  paint(style: Style, text: string): string {
    if (!this.colour) return text;
    const [on, off] = STYLES[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  }
  /** Resolves once everything written so far is handed to the OS (before `process.exit`). */
  flush(): Promise<void> {
    return new Promise((resolve) => this.#stream.write('', () => resolve()));
  }
}

/** JSON on stdout: one document, one line. */
export function printJson(out: Output, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}

/** The plan's `--summary` tables (`renderSummary`), section headings in bold on a colour terminal. */
export function printSummary(out: Output, plan: SyncPlan): void {
  out.write(renderSummary(plan).replace(/^(PULL|PUSH|RE-SYNC|PROBLEMS)\b/gm, (heading) => out.paint('bold', heading)));
}

/** One line for stderr: newlines inside the message are escaped, so a message never spans lines. */
export function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n');
}

/** A path of an issue as the readable lists show it (`(document)` for the document itself). */
export function issuePath(path: string, document: string): string {
  return path === '' ? `(${document})` : path;
}

/**
 * Progress on stderr, one line rewritten in place — only when stderr is a TTY, so logs and pipes never see
 * it. Plain text and spaces, no escape codes; at most ~12 updates a second.
 */
export class Progress {
  readonly enabled: boolean;
  readonly #out: Output;
  readonly #started = performance.now();
  #shown = 0;
  #last = -Infinity;
  constructor(out: Output) {
    this.#out = out;
    this.enabled = out.isTTY;
  }
  /** Replaces the line (skipped when the last update was under 80 ms ago, unless `force`). */
  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.#last < 80) return;
    this.#last = now;
    const line = `ledgerbridge: ${text}`;
    this.#out.write(`\r${line.padEnd(this.#shown)}`);
    this.#shown = line.length;
  }
  /** Clears the line (before an error is printed, say). */
  clear(): void {
    if (this.#shown > 0) this.#out.write(`\r${''.padEnd(this.#shown)}\r`);
    this.#shown = 0;
  }
  /** Clears the line; when the command took a second or more, leaves `text` with the time taken. */
  done(text: string): void {
    if (!this.enabled) return;
    this.clear();
    const seconds = (performance.now() - this.#started) / 1000;
    if (seconds >= 1) this.#out.write(`ledgerbridge: ${text} in ${seconds.toFixed(1)} s\n`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Arguments

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

/** What a command receives: its parsed flags and positionals, and the process's streams and environment. */
export interface Context {
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
  /**
   * A signal aborted on the first Ctrl-C, for commands that wait on the network (the first call takes SIGINT
   * over). Commands that never call it keep the default: Ctrl-C ends them at once.
   */
  interrupts(): AbortSignal;
}

/** A command of the CLI: its name, one line for the top-level usage, its own usage text, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** How many positionals it takes: `[least, most]`. */
  positionals: [number, number];
  run(values: Values, positionals: string[], context: Context): Promise<number>;
}

/**
 * Parses `args` with `parseArgs` (`strict: true`: an unknown flag, a missing value or a value given to a boolean
 * is a `UsageError`), and checks the number of positionals. `--help` / `-h` are added to every command.
 */
export function parseCommand(command: Command, args: string[]): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    // parseArgs's first sentence ("Unknown option '--bogus'"); the rest is advice about `--`.
    const message = (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0];
    throw new UsageError(`${command.name}: ${message}`, command.usage);
  }
  const values = parsed.values as Values;
  if (values.help) return { values, positionals: parsed.positionals };
  const [least, most] = command.positionals;
  const count = parsed.positionals.length;
  if (count < least) throw new UsageError(`${command.name}: missing argument`, command.usage);
  if (count > most) throw new UsageError(`${command.name}: unexpected argument '${parsed.positionals[most]}'`, command.usage);
  return { values, positionals: parsed.positionals };
}

export const flag = (values: Values, name: string): boolean => values[name] === true;
export const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
export const texts = (values: Values, name: string): string[] => (Array.isArray(values[name]) ? (values[name] as string[]) : []);

/** `--summary` or `--json` (the default); both at once is a usage error. */
export function outputMode(command: Command, values: Values): 'summary' | 'json' {
  if (flag(values, 'summary') && flag(values, 'json')) throw new UsageError(`${command.name}: --summary and --json exclude each other`, command.usage);
  return flag(values, 'summary') ? 'summary' : 'json';
}

/** The `--summary` / `--json` pair every command has. */
export const OUTPUT_OPTIONS = {
  summary: { type: 'boolean' },
  json: { type: 'boolean' },
} as const satisfies Options;

// ---------------------------------------------------------------------------------------------------------
// Input

/** The text of `source` (`-` is stdin); unreadable → `BadInputError` naming it. */
export function readText(source: string): string {
  return readBytes(source).toString('utf8');
}

/** The bytes of `source` (a file, or `-` for stdin), as they are: for the byte entry, `planSyncBytes`. */
export function readBytes(source: string): Buffer {
  try {
    return readFileSync(source === '-' ? 0 : source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadInputError(`cannot read ${source === '-' ? 'stdin' : source}: ${reason}`);
  }
}

/** The file name as messages show it. */
export const sourceName = (source: string): string => (source === '-' ? 'stdin' : source);

/**
 * `source` parsed as JSON. Not JSON → `InputError` `invalid_json` at `name` (the argument it becomes, e.g.
 * `bill`), in the file.
 */
export function readJson(source: string, name: string): unknown {
  const body = readText(source);
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw new InputInFile(new InputError(`${name}: ${detail}`, 'invalid_json', name, detail), sourceName(source));
  }
}

/**
 * Runs `fn` (sync or async); an `InputError` it throws is reported with the file its path points into (`files`
 * maps the path's first segment, e.g. `bill`, to a file name; `''` to the file of any path).
 */
export function withSources<T>(files: Record<string, string>, fn: () => T): T {
  const rethrow = (error: unknown): never => {
    if (error instanceof InputError) {
      const head = /^[^.[]*/.exec(error.path)?.[0] ?? '';
      const where = files[head] ?? files[''];
      if (where !== undefined) throw new InputInFile(error, where);
    }
    throw error;
  };
  try {
    const result = fn();
    return (result instanceof Promise ? result.catch(rethrow) : result) as T;
  } catch (error) {
    return rethrow(error);
  }
}
