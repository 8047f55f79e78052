#!/usr/bin/env node
/**
 * The `ledgerbridge` command (the package's `bin`): `plan`, `validate-bill`, `preview`, `push-failed`. The
 * commands live in `cli/`; this file wires them to the process: streams, environment, Ctrl-C, exit code.
 * @module
 */
import { EXIT, Output } from './cli/io.js';
import { main } from './cli/main.js';

// A reader that stops early (`ledgerbridge plan x.json | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

/**
 * For the commands that wait on the network: the first Ctrl-C aborts what is in flight (push-failed still
 * prints what it sent), a second one exits at once.
 */
function interrupts(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  });
  return controller.signal;
}

const stdout = new Output(process.stdout, process.env);
const stderr = new Output(process.stderr, process.env);
const code = await main(process.argv.slice(2), { env: process.env, stdout, stderr, interrupts });
await Promise.all([stdout.flush(), stderr.flush()]);
// Exit now: idle keep-alive sockets of the HTTP client must not hold the process open.
process.exit(code);
