//! Times the stages of a plan natively — reading and checking the input, planning, writing the plan — on a
//! `PlanInput` file: where `cargo bench` gives medians, this gives one quick breakdown while profiling.
//!
//! ```text
//! cargo run --release --example phases -- input.json [runs]
//! ```

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: phases <input.json> [runs]");
        return ExitCode::from(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    for run in 0..runs {
        let t = Instant::now();
        let input = match ledgerbridge::PlanInput::from_json_str(&text) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        let read = t.elapsed();
        let t = Instant::now();
        let plan = ledgerbridge::plan_sync(&input);
        let planned = t.elapsed();
        let t = Instant::now();
        let mut out = Vec::with_capacity(text.len() / 2);
        serde_json::to_writer(&mut out, &plan).unwrap_or_default();
        let written = t.elapsed();
        ledgerbridge::work::mark("write");
        use ledgerbridge::work::{read as counted, Kind};
        eprintln!(
            "  work: {} similarity bytes, {} key characters, {} cascade candidates, {} tax rates (0 without work-counters)",
            counted(Kind::Similarity),
            counted(Kind::KeyChars),
            counted(Kind::Cascade),
            counted(Kind::TaxRates)
        );
        ledgerbridge::work::reset();
        let t = Instant::now();
        drop(plan);
        let plan_freed = t.elapsed();
        drop(input);
        let dropped = t.elapsed();
        eprintln!(
            "  free: the plan {:.0} ms, the input {:.0} ms",
            plan_freed.as_secs_f64() * 1e3,
            (dropped - plan_freed).as_secs_f64() * 1e3
        );
        println!(
            "run {run}: read {:>6.0} ms, plan {:>6.0} ms, write {:>6.0} ms, free {:>5.0} ms; {:.1} MB in, {:.1} MB out",
            read.as_secs_f64() * 1e3,
            planned.as_secs_f64() * 1e3,
            written.as_secs_f64() * 1e3,
            dropped.as_secs_f64() * 1e3,
            text.len() as f64 / 1e6,
            out.len() as f64 / 1e6
        );
    }
    ExitCode::SUCCESS
}
