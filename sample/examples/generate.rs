//! Prints a deterministic, realistic `planSync` input (SPEC §8 `PlanInput`) as JSON on stdout.
//!
//! ```text
//! cargo run --release --example generate -- [--seed N] [--counterparts N | --demo] [--second-day] [--pretty] [--summary] > input.json
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use ledgerbridge_sample::{generate_with_manifest, second_day, validation_case, SampleSpec};

const USAGE: &str = "\
usage: generate [--seed N] [--counterparts N | --demo] [--second-day | --validation-case] [--pretty] [--summary]

Prints a deterministic planSync input (SPEC §8 PlanInput) as JSON on stdout.

  --seed N          seed of the generator (default: the demo's seed)
  --counterparts N  N counterparts per side; products, bills, invoices, credit notes and
                    payment records in proportion (N/2, N/10, N/20, N/40, N/20)
  --demo            the small demo sample (the default): 40 counterparts per side
  --second-day      the day after the first sync (SPEC §3.0): synced records, the records the
                    sync created, and one planted case of every re-sync outcome
  --validation-case instead, { bill, context } for validateBill: a 20-line eligible bill and a
                    context of 150 ledger accounts and 6 tax rates
  --pretty          indented JSON (default: compact)
  --summary         also print how many records of each case were built, on stderr
  -h, --help        this text";

struct Options {
    spec: SampleSpec,
    second_day: bool,
    validation_case: bool,
    pretty: bool,
    summary: bool,
}

fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut seed: Option<u64> = None;
    let mut counterparts: Option<usize> = None;
    let mut demo = false;
    let mut pretty = false;
    let mut summary = false;
    let mut second_day = false;
    let mut validation_case = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--seed" => {
                let v = value("--seed")?;
                seed = Some(v.parse().map_err(|_| format!("--seed: not a non-negative integer: {v:?}"))?);
            }
            "--counterparts" => {
                let v = value("--counterparts")?;
                counterparts =
                    Some(v.parse().map_err(|_| format!("--counterparts: not a non-negative integer: {v:?}"))?);
            }
            "--demo" => demo = true,
            "--pretty" => pretty = true,
            "--summary" => summary = true,
            "--second-day" => second_day = true,
            "--validation-case" => validation_case = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let spec = match (counterparts, demo) {
        (Some(_), true) => return Err("--counterparts and --demo exclude each other".to_owned()),
        (Some(n), false) => SampleSpec::scaled(seed.unwrap_or(SampleSpec::demo().seed), n),
        (None, _) => SampleSpec { seed: seed.unwrap_or(SampleSpec::demo().seed), ..SampleSpec::demo() },
    };
    Ok(Some(Options { spec, second_day, validation_case, pretty, summary }))
}

/// Writes a JSON value on stdout.
fn write(value: &serde_json::Value, pretty: bool) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let written =
        if pretty { serde_json::to_writer_pretty(&mut out, value) } else { serde_json::to_writer(&mut out, value) };
    match written.map_err(io::Error::from).and_then(|()| writeln!(out)).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("generate: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if options.validation_case {
        return write(&validation_case(options.spec.seed, 20, 150, 6), options.pretty);
    }
    let (mut input, manifest) = generate_with_manifest(&options.spec);
    if options.second_day {
        match second_day(&input, options.spec.seed, true) {
            Ok((day_two, planted)) => {
                if options.summary {
                    for p in &planted {
                        eprintln!("second day: {:16} {:38} {}", p.section, p.id, p.code);
                    }
                }
                input = day_two;
            }
            Err(e) => {
                eprintln!("generate: the first day does not plan: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let written = write(&input, options.pretty);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if options.summary {
        for ((section, case), count) in manifest.case_counts() {
            eprintln!("{section:16} {case:40} {count:>8}");
        }
    }
    // Freeing a tree of millions of small JSON values takes as long as writing it, and the process ends
    // here anyway: leave that to the operating system.
    std::mem::forget(input);
    std::mem::forget(manifest);
    ExitCode::SUCCESS
}
