//! Reads a `PlanInput` JSON file (or stdin with `-`) and prints the plan, natively: the benchmark's native
//! side (`node pkg/bench/bench.mjs` compares it with the WebAssembly module) and a quick check from a shell.
//! Users run the npm package's CLI (`ledgerbridge plan`), which prints the same plan. With
//! `LEDGERBRIDGE_PEAK=1` it also prints its peak resident memory (Linux `VmHWM`) on stderr, for the benchmark.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example plan -- <file|->");
        return ExitCode::from(2);
    };
    let text = if arg == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("stdin: {e}");
            return ExitCode::from(2);
        }
        s
    } else {
        match std::fs::read_to_string(&arg) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{arg}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    match ledgerbridge::plan_sync_json(&text) {
        Ok(plan) => {
            println!("{plan}");
            if std::env::var_os("LEDGERBRIDGE_PEAK").is_some() {
                report_peak();
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// Prints `peak_rss_bytes <n>` from `/proc/self/status` (nothing where there is no such file).
fn report_peak() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    if let Some(kib) = kib {
        eprintln!("peak_rss_bytes {}", kib * 1024);
    }
}
