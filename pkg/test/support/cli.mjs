// Support for the CLI suites (pkg/test/cli*.test.mjs): the built CLI as a child process, without blocking the
// event loop (the simulator answers it from this process), with an environment of the test's choosing; the same
// under a pseudo-terminal (util-linux `script`), for colour and progress; a loopback proxy that records the
// tokens the simulator issues, so that a test can prove none of them is ever printed; and the checks for both.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { CLI, ROOT } from '../helpers.mjs';

/** Any ANSI escape sequence (colour or cursor control). */
export const ANSI = /\u001b\[/;

/** `process.env` without anything that would change the CLI's behaviour behind a test's back. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('MONITE_') || key === 'NO_COLOR' || key === 'FORCE_COLOR') delete env[key];
  return { ...env, ...extra };
}

/** The simulator's partner credentials and entity as the CLI reads them. */
export function simEnv(sim, extra = {}) {
  return cleanEnv({
    MONITE_CLIENT_ID: sim.credentials.clientId,
    MONITE_CLIENT_SECRET: sim.credentials.clientSecret,
    MONITE_ENTITY_ID: sim.credentials.entityId,
    ...extra,
  });
}

const command = (args) => (CLI.endsWith('.js') ? [process.execPath, [CLI, ...args]] : [CLI, args]);

/**
 * Runs `file` with `argv` without blocking this process; resolves with `{ status, signal, stdout, stderr }`.
 * `onSpawn(child)` gets the process (to signal it); it is killed after `timeoutMs`.
 */
export function spawnAsync(file, argv, { env = cleanEnv(), input, cwd = ROOT, onSpawn, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input ?? '');
    onSpawn?.(child);
  });
}

/** Runs the built CLI with `args` (see `spawnAsync` for the options). */
export function runCliAsync(args, options = {}) {
  const [file, argv] = command(args);
  return spawnAsync(file, argv, options);
}

/** Why the terminal tests cannot run here, or false. */
export const noPty = (() => {
  if (process.platform !== 'linux') return 'needs util-linux script (Linux)';
  const probe = spawnSync('script', ['-qec', 'true', '/dev/null'], { encoding: 'utf8' });
  return probe.status === 0 ? false : 'util-linux `script` is not available';
})();

const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI under a pseudo-terminal (stdin, stdout and stderr all a TTY, as in an interactive shell) and
 * resolves with `{ status, output }`: what the terminal showed, stdout and stderr together, raw.
 */
export async function runCliInPty(args, { env = cleanEnv(), cwd = ROOT } = {}) {
  const [file, argv] = command(args);
  const line = [file, ...argv].map(quote).join(' ');
  // `script` copies the terminal's output to its stdout (and its own complaints to stderr).
  const run = await spawnAsync('script', ['-qec', line, '/dev/null'], { env: { TERM: 'xterm-256color', ...env }, cwd });
  return { status: run.status, output: run.stdout + run.stderr };
}

/**
 * The lines a terminal shows for `output`: each line as left after its carriage returns (the progress line
 * rewrites itself in place and is cleared with spaces), blank ones dropped.
 */
export function screenLines(output) {
  return output
    .split('\n')
    .map((line) => line.replace(/\r$/, '').split('\r').pop().trimEnd())
    .filter((line) => line !== '');
}

/**
 * A loopback HTTP proxy in front of `target` (the simulator's `url`) that records every access token: the ones
 * `/auth/token` issues and the ones sent in `Authorization`. `apiUrl` is what to pass as `--base-url`.
 */
export async function startTokenRecorder(target) {
  const upstream = new URL(target);
  const tokens = new Set();
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.startsWith('Bearer ')) tokens.add(auth.slice(7));
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.url?.endsWith('/auth/token')) {
          try {
            const token = JSON.parse(body.toString('utf8')).access_token;
            if (typeof token === 'string') tokens.add(token);
          } catch {
            // Not a token answer (a 401, say): nothing to record.
          }
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(body);
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    tokens,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Everything the CLI printed in a run. */
const printed = (run) => `${run.stdout ?? ''}\n${run.stderr ?? ''}\n${run.output ?? ''}`;

/** Neither a secret nor a token is anywhere in what any of `runs` printed. */
export function assertNothingSecret(runs, secrets) {
  const values = [...secrets].filter((s) => typeof s === 'string' && s.length >= 8);
  assert.ok(values.length > 0, 'no secrets to look for');
  for (const run of runs) {
    const text = printed(run);
    for (const value of values) assert.ok(!text.includes(value), `a secret or token was printed: …${text.slice(Math.max(0, text.indexOf(value) - 40), text.indexOf(value))}[secret]`);
  }
}

/** The output is free of escape codes. */
export function assertNoAnsi(run, what) {
  assert.doesNotMatch(printed(run), ANSI, `${what}: ANSI escape codes in ${JSON.stringify(printed(run).slice(0, 300))}`);
}
