// The CLI as a user runs it (SPEC §8): `ledgerbridge plan <file|->` prints the plan as JSON, exit 0;
// bad input → one line on stderr naming the JSON path, exit 2. And what every command shares: the top-level
// usage, `--help` per command, `--version`, usage errors (parseArgs, strict), colour only on a terminal.
// validate-bill: cli-validate-bill.test.mjs; preview and push-failed against the simulator: cli-remote.test.mjs.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { planSync, planSyncJson, version } from 'ledgerbridge';

import { defaultData } from '../../sim/seed.mjs';
import { CLI, demoInput, generateText, noGenerator, runCli, smallInput } from './helpers.mjs';
import { ANSI, cleanEnv, noPty, runCliInPty, screenLines } from './support/cli.mjs';

const USAGE = /usage: ledgerbridge plan <file\|->/;
const BAD_QUANTITY = { monite: { payables: [{ id: 'b1', status: 'issued', line_items: [{ quantity: 'x' }] }] } };

let dir;
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts stderr is exactly one non-empty line. */
function assertOneLine(stderr) {
  assert.ok(stderr.endsWith('\n'), `stderr should end with a newline: ${JSON.stringify(stderr)}`);
  assert.equal(stderr.slice(0, -1).includes('\n'), false, `stderr should be one line: ${JSON.stringify(stderr)}`);
  assert.ok(stderr.trim().length > 0);
}

/** The numbers of the summary-table row starting with `label` in the section `section`. */
function tableRow(text, section, label) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === section || l.startsWith(`${section} `));
  assert.ok(start >= 0, `no ${section} section in:\n${text}`);
  const line = lines.slice(start).find((l) => l.startsWith(`${label} `));
  assert.ok(line, `no "${label}" row in ${section}:\n${text}`);
  return line.slice(label.length).trim().split(/\s+/).map(Number);
}

describe('ledgerbridge plan', () => {
  test(`runs as installed (${CLI})`, () => {
    const { status, stdout } = runCli(['--version']);
    assert.equal(status, 0);
    assert.equal(stdout, `ledgerbridge ${version()}\n`);
  });

  test('plan <file>: exit 0, stdout is the JSON plan, deep-equal to planSync', () => {
    const input = smallInput();
    const { status, stdout, stderr } = runCli(['plan', file('small.json', JSON.stringify(input))]);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), planSync(input));
  });

  test('plan <file> on the demo sample: stdout is byte-identical to planSyncJson', { skip: noGenerator }, () => {
    const text = generateText(['--demo']);
    const { status, stdout, stderr } = runCli(['plan', file('demo.json', text)]);
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    assert.equal(stdout, `${planSyncJson(text)}\n`);
    assert.deepEqual(JSON.parse(stdout), planSync(demoInput()));
  });

  test('plan with a relative path reads from the working directory', () => {
    file('relative.json', JSON.stringify(smallInput()));
    const { status, stdout } = runCli(['plan', 'relative.json'], { cwd: dir });
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), planSync(smallInput()));
  });

  test('plan - reads stdin', () => {
    const input = smallInput();
    const { status, stdout, stderr } = runCli(['plan', '-'], { input: JSON.stringify(input, null, 2) });
    assert.equal(status, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), planSync(input));
  });

  test('plan - on a scaled sample (2000 counterparts per side) through stdin', { skip: noGenerator }, () => {
    const text = generateText(['--seed', '3', '--counterparts', '2000']);
    const { status, stdout, stderr } = runCli(['plan', '-'], { input: text });
    assert.equal(status, 0, stderr);
    assert.equal(stdout, `${planSyncJson(text)}\n`);
    assert.equal(JSON.parse(stdout).summary.pull.counterparts.total, 2000);
  });

  test('--summary: exit 0 and a readable table with the plan\'s counts', () => {
    const input = smallInput();
    const plan = planSync(input);
    const { status, stdout, stderr } = runCli(['plan', file('summary.json', JSON.stringify(input)), '--summary']);
    assert.equal(status, 0, stderr);
    assert.throws(() => JSON.parse(stdout), 'the summary is text, not JSON');
    const c = plan.summary.pull.counterparts;
    assert.deepEqual(tableRow(stdout, 'PULL', 'counterparts'), [c.total, c.matched, c.unmatched, c.ambiguous, c.duplicate_match, c.with_suggestions]);
    const p = plan.summary.pull.products;
    assert.deepEqual(tableRow(stdout, 'PULL', 'products'), [p.total, p.match, p.create, p.none, p.multiple_matches]);
    const pc = plan.summary.push.counterparts;
    assert.deepEqual(tableRow(stdout, 'PUSH', 'counterparts'), [pc.total, pc.none, pc.create, pc.blocked]);
    const b = plan.summary.push.bills;
    assert.deepEqual(tableRow(stdout, 'PUSH', 'bills'), [b.total, b.eligible, b.not_eligible]);
    assert.ok(stdout.includes('RE-SYNC: none — a first sync (no synced records in the input)'), stdout);
  });

  test('--summary on the demo sample lists the problems by code', { skip: noGenerator }, () => {
    const plan = planSync(demoInput());
    const { status, stdout } = runCli(['plan', file('demo-summary.json', generateText(['--demo'])), '--summary']);
    assert.equal(status, 0);
    const c = plan.summary.pull.counterparts;
    assert.deepEqual(tableRow(stdout, 'PULL', 'counterparts'), [c.total, c.matched, c.unmatched, c.ambiguous, c.duplicate_match, c.with_suggestions]);
    const cn = plan.summary.push.credit_notes;
    assert.deepEqual(tableRow(stdout, 'PUSH', 'credit notes'), [cn.total, cn.eligible, cn.not_eligible]);
    assert.ok(stdout.includes(`PROBLEMS (${plan.errors.length} sync errors)`), stdout);
    const multiple = plan.errors.filter((e) => e.code === 'multiple_matches').length;
    assert.ok(multiple > 0);
    assert.deepEqual(tableRow(stdout, 'PROBLEMS', 'multiple_matches'), [multiple]);
  });

  test('--summary of a re-sync: links, drift, already pushed, in progress and failed per section', () => {
    // The default data after a sync (SPEC §3.0), by hand: one link whose accounting record was renamed, one to a
    // record that is gone, two counterparts sharing one, a linked product, a bill pushed, an invoice on its way,
    // a bill whose push failed, and a record of a type the engine does not know.
    const input = defaultData({ connected: true });
    const at = '2025-02-10T09:00:00.000000+00:00';
    let n = 0;
    const record = (object_type, object_id, sync_status, extra = {}) => ({
      id: `5e000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, created_at: at, updated_at: at, last_pulled_at: at,
      object_type, object_id, sync_status, platform: 'quickbooks', errors: {}, ...extra,
    });
    input.monite.synced_records = [
      record('customer', 'c1000000-0000-4000-8000-000000000001', 'done', { platform_object_id: '101' }),
      record('vendor', 'c1000000-0000-4000-8000-000000000002', 'done', { platform_object_id: '999' }),
      record('customer', 'c1000000-0000-4000-8000-000000000003', 'done', { platform_object_id: '104' }),
      record('customer', 'c1000000-0000-4000-8000-000000000004', 'done', { platform_object_id: '104' }),
      record('product', 'b1000000-0000-4000-8000-000000000001', 'done', { platform_object_id: '201' }),
      record('bill', 'ba000000-0000-4000-8000-000000000001', 'done', { platform_object_id: '500' }),
      record('receivable', 'e1000000-0000-4000-8000-000000000001', 'pending'),
      record('bill', 'ba000000-0000-4000-8000-000000000002', 'error', { errors: { code: 'ledger_account_missing', message: 'the line has no ledger account' } }),
      record('journal_entry', 'ba000000-0000-4000-8000-000000000009', 'done', { platform_object_id: '777' }),
    ];
    input.accounting.counterparts[0].name = 'Acme Holdings Ltd';
    const plan = planSync(input);
    const { status, stdout, stderr } = runCli(['plan', file('resync.json', JSON.stringify(input)), '--summary']);
    assert.equal(status, 0, stderr);
    const r = plan.summary.synced_records;
    assert.ok(stdout.includes(`RE-SYNC (synced records: total ${r.total}, counted ${r.counted}, links ${r.links}, unknown type ${r.unknown_type})`), stdout);
    assert.equal(r.unknown_type, 1);
    const c = plan.summary.pull.counterparts;
    assert.deepEqual(tableRow(stdout, 'RE-SYNC', 'counterparts'), [c.linked, c.duplicate_link, c.linked_record_missing, c.name_drift, c.country_drift]);
    assert.deepEqual([c.linked, c.duplicate_link, c.linked_record_missing, c.name_drift], [1, 2, 1, 1]);
    const p = plan.summary.pull.products;
    assert.deepEqual(tableRow(stdout, 'RE-SYNC', 'products'), [p.linked, p.duplicate_link, p.linked_record_missing, p.name_drift]);
    for (const [label, key, expected] of [['bills', 'bills', [1, 0, 1]], ['invoices', 'invoices', [0, 1, 0]], ['credit notes', 'credit_notes', [0, 0, 0]]]) {
      const s = plan.summary.push[key];
      assert.deepEqual(tableRow(stdout, 'RE-SYNC', label), [s.already_pushed, s.push_in_progress, s.last_push_failed], label);
      assert.deepEqual([s.already_pushed, s.push_in_progress, s.last_push_failed], expected, label);
    }
  });

  test('--version and --help exit 0', () => {
    const v = runCli(['--version']);
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^ledgerbridge \d+\.\d+\.\d+ \(keys v\d+\)\n$/);
    const h = runCli(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, USAGE);
  });
});

describe('ledgerbridge plan: errors', () => {
  test('bad input (a type error): exit 2, one line on stderr naming the JSON path, nothing on stdout', () => {
    for (const source of ['file', 'stdin']) {
      const text = JSON.stringify(BAD_QUANTITY);
      const r = source === 'file' ? runCli(['plan', file('bad.json', text)]) : runCli(['plan', '-'], { input: text });
      assert.equal(r.status, 2, source);
      assert.equal(r.stdout, '', source);
      assertOneLine(r.stderr);
      assert.ok(r.stderr.includes('monite.payables[0].line_items[0].quantity'), r.stderr);
    }
  });

  test('other kinds of bad input name their path too (missing field, duplicate id, unknown value)', () => {
    const cases = [
      [{ monite: { payables: [{ status: 'issued' }] } }, 'monite.payables[0].id'],
      [{ accounting: { counterparts: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] } }, 'accounting.counterparts[1].id'],
      [{ policy: { direction: 'sideways' } }, 'policy.direction'],
    ];
    for (const [input, path] of cases) {
      const r = runCli(['plan', '-'], { input: JSON.stringify(input) });
      assert.equal(r.status, 2, path);
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr);
      assert.ok(r.stderr.includes(path), `${path} not in ${r.stderr}`);
    }
  });

  test('the error stays on one line when the offending value contains a newline', () => {
    const cases = [
      { monite: { payables: [{ id: 'b1', status: 'issued', line_items: [{ quantity: 'x\ny' }] }] } },
      { monite: { counterparts: [{ id: 'a\nb', organization: { legal_name: 'A' } }, { id: 'a\nb', organization: { legal_name: 'B' } }] } },
    ];
    for (const input of cases) {
      const r = runCli(['plan', '-'], { input: JSON.stringify(input) });
      assert.equal(r.status, 2);
      assertOneLine(r.stderr);
    }
  });

  test('invalid JSON: exit 2, one line, nothing on stdout', () => {
    for (const text of ['{"monite": ', '', 'not json']) {
      const r = runCli(['plan', '-'], { input: text });
      assert.equal(r.status, 2, JSON.stringify(text));
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr);
      assert.match(r.stderr, /invalid JSON/i);
    }
  });

  test('a missing file: exit 2, the message names the file', () => {
    const missing = join(dir, 'does-not-exist.json');
    const r = runCli(['plan', missing]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assertOneLine(r.stderr);
    assert.ok(r.stderr.includes(missing), r.stderr);
  });

  test('no arguments: exit 2 with the usage', () => {
    const r = runCli([]);
    assert.equal(r.status, 2);
    assert.match(r.stdout + r.stderr, USAGE);
  });

  test('an unknown option or command, or a wrong number of arguments: exit 2 with the usage on stderr', () => {
    for (const args of [['plan', 'x.json', '--bogus'], ['frob', 'x.json'], ['plan'], ['plan', 'a.json', 'b.json'], ['--bogus']]) {
      const r = runCli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '', `ledgerbridge ${args.join(' ')}: nothing on stdout`);
      assert.match(r.stderr, USAGE, args.join(' '));
      if (args.includes('--bogus')) assert.match(r.stderr, /unknown option '--bogus'/i);
    }
  });

  test('an exit 2 never writes to stdout (so `ledgerbridge … > plan.json` cannot capture a usage text)', () => {
    const r = runCli([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '', 'usage of a failed invocation went to stdout');
    assert.match(r.stderr, USAGE);
  });

  test('piping the plan into a reader that stops early (| head) ends quietly', { skip: process.platform === 'win32' && 'needs sh' }, () => {
    // A plan of several MB: larger than a pipe buffer, so the reader closes while the CLI is still writing.
    const counterparts = Array.from({ length: 20_000 }, (_, i) => ({ id: `cp-${i}`, organization: { legal_name: `Company ${i}` } }));
    const big = file('big.json', JSON.stringify({ monite: { counterparts } }));
    const r = spawnSync('sh', ['-c', `"$0" plan "$1" | head -c 16 > /dev/null`, CLI, big], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at .*cli\.js/, `stderr: ${r.stderr.split('\n').find((l) => /EPIPE/.test(l)) ?? r.stderr.slice(0, 200)}`);
  });
});

describe('ledgerbridge: commands, --help, --version, usage', () => {
  const COMMANDS = ['plan', 'validate-bill', 'preview', 'push-failed'];
  // Each command's usage names its flags and its exit codes.
  const FLAGS = {
    plan: ['--summary', '--json'],
    'validate-bill': ['--context', '--summary', '--json'],
    preview: ['--entity', '--base-url', '--accounting', '--policy', '--no-synced-records', '--summary', '--json', 'MONITE_CLIENT_ID', 'MONITE_CLIENT_SECRET', 'MONITE_ENTITY_ID', 'MONITE_BASE_URL'],
    'push-failed': ['--entity', '--base-url', '--accounting', '--policy', '--section', '--concurrency', '--dry-run', '--summary', '--json', 'MONITE_CLIENT_ID', 'MONITE_CLIENT_SECRET'],
  };

  test('--help (and -h, help) lists the four commands and the exit codes on stdout, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = runCli(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stderr, '');
      for (const name of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), `${args.join(' ')} lists ${name}`);
      assert.match(r.stdout, /exit codes: 0 .*; 1 .*\n.*2 bad input or usage; 3 API or network failure/);
    }
  });

  test('<command> --help, -h and `help <command>` print that command\'s usage (its flags, environment, exit codes), exit 0', () => {
    for (const name of COMMANDS) {
      const r = runCli([name, '--help']);
      assert.equal(r.status, 0, name);
      assert.equal(r.stderr, '', name);
      assert.ok(r.stdout.startsWith(`usage: ledgerbridge ${name} `), r.stdout);
      for (const word of FLAGS[name]) assert.ok(r.stdout.includes(word), `${name} --help names ${word}`);
      assert.match(r.stdout, /Exit: 0 /, name);
      assert.equal(runCli([name, '-h']).stdout, r.stdout, `${name} -h`);
      assert.equal(runCli(['help', name]).stdout, r.stdout, `help ${name}`);
    }
    assert.match(runCli(['validate-bill', '--help']).stdout, /0 eligible; 1 not eligible; 2 bad input/);
    assert.match(runCli(['push-failed', '--help']).stdout, /1 some push failed/);
  });

  test('--version prints the package and key versions; with arguments it is a usage error', () => {
    const r = runCli(['--version']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `ledgerbridge ${version()}\n`, '']);
    const bad = runCli(['--version', 'plan']);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
  });

  test('usage errors of every command: exit 2, the problem and that command\'s usage on stderr, nothing on stdout', () => {
    const cases = [
      [['help', 'frob'], /unknown command 'frob'/, /^usage: ledgerbridge plan/m],
      [['plan', 'x.json', '--summary', '--json'], /--summary and --json exclude each other/, /^usage: ledgerbridge plan/],
      [['plan', 'x.json', '--summary=yes'], /'--summary' does not take an argument/, /^usage: ledgerbridge plan/],
      [['validate-bill'], /validate-bill: missing argument/, /^usage: ledgerbridge validate-bill/],
      [['validate-bill', 'a.json', 'b.json'], /unexpected argument 'b.json'/, /^usage: ledgerbridge validate-bill/],
      [['validate-bill', 'a.json', '--context'], /'--context <value>' argument missing/, /^usage: ledgerbridge validate-bill/],
      [['validate-bill', 'a.json', '--frob'], /unknown option '--frob'/i, /^usage: ledgerbridge validate-bill/],
      [['preview', 'extra'], /unexpected argument 'extra'/, /^usage: ledgerbridge preview/],
      [['preview', '--entity'], /'--entity <value>' argument missing/, /^usage: ledgerbridge preview/],
      [['preview', '--dry-run'], /unknown option '--dry-run'/i, /^usage: ledgerbridge preview/],
      [['push-failed', '--no-synced-records'], /unknown option '--no-synced-records'/i, /^usage: ledgerbridge push-failed/],
      [['push-failed', '--entity', 'e', '--section', 'journal'], /--section journal: expected one of bills, invoices, credit_notes, payment_records/, /^usage: ledgerbridge push-failed/],
      [['push-failed', '--entity', 'e', '--concurrency', '0'], /--concurrency 0: expected a whole number from 1 to 16/, /^usage: ledgerbridge push-failed/],
      [['push-failed', '--entity', 'e', '--concurrency', '17'], /--concurrency 17/, /^usage: ledgerbridge push-failed/],
      [['push-failed', '--entity', 'e', '--concurrency', '2.5'], /--concurrency 2.5/, /^usage: ledgerbridge push-failed/],
    ];
    for (const [args, problem, usage] of cases) {
      const r = runCli(args, { env: cleanEnv() });
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      const [first, ...rest] = r.stderr.split('\n');
      assert.match(first, /^ledgerbridge: /, args.join(' '));
      assert.match(first, problem, args.join(' '));
      assert.match(rest.join('\n'), usage, args.join(' '));
    }
  });
});

describe('ledgerbridge plan: colour and progress', () => {
  test('on pipes (not a terminal): no escape codes and nothing on stderr, also for --summary of a large input', () => {
    const counterparts = Array.from({ length: 20_000 }, (_, i) => ({ id: `cp-${i}`, organization: { legal_name: `Company ${i}` } }));
    const r = runCli(['plan', file('pipes.json', JSON.stringify({ monite: { counterparts } })), '--summary'], { env: cleanEnv() });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '', 'progress only on a terminal');
    assert.doesNotMatch(r.stdout, ANSI);
    assert.match(r.stdout, /^PULL$/m);
  });

  test('on a terminal: --summary headings in bold, progress on stderr; NO_COLOR: no colour; the JSON plan is never coloured', { skip: noPty }, async () => {
    const input = file('tty.json', JSON.stringify(smallInput()));
    const coloured = await runCliInPty(['plan', input, '--summary']);
    assert.equal(coloured.status, 0, coloured.output);
    assert.ok(coloured.output.includes('\u001b[1mPULL\u001b[22m'), JSON.stringify(coloured.output.slice(0, 400)));
    assert.match(coloured.output, /ledgerbridge: (reading|planning)/, 'progress on the terminal');
    const plain = await runCliInPty(['plan', input, '--summary'], { env: cleanEnv({ NO_COLOR: '1' }) });
    assert.equal(plain.status, 0);
    assert.doesNotMatch(plain.output, ANSI);
    assert.ok(screenLines(plain.output).includes('PULL'), plain.output);
    const json = await runCliInPty(['plan', input]);
    assert.doesNotMatch(json.output, ANSI);
    const lines = screenLines(json.output);
    assert.equal(lines.length, 1, 'the terminal shows the plan alone: the progress line was cleared');
    assert.deepEqual(JSON.parse(lines[0]), planSync(smallInput()));
  });
});

test('Ctrl-C ends plan at once: no handler takes SIGINT from a command that works synchronously', { skip: process.platform === 'win32' && 'POSIX signals' }, async () => {
  // `plan -` blocks reading stdin; a SIGINT handler could only run once that returned, so the command would go on.
  const child = spawn(process.execPath, [CLI, 'plan', '-'], { stdio: ['pipe', 'pipe', 'pipe'], env: cleanEnv() });
  child.stdin.on('error', () => {});
  child.stdin.write('{"monite": ');
  const closed = new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal })));
  // A pause for the CLI to reach the read, and one before stdin is closed (only a CLI that survived the signal reads on).
  await new Promise((resolve) => setTimeout(resolve, 500));
  child.kill('SIGINT');
  setTimeout(() => child.stdin.end('}'), 500);
  assert.deepEqual(await closed, { status: null, signal: 'SIGINT' });
});
