//! `plan_sync` on seeded, realistic inputs at 10k and 100k counterparts per side (plus products, bills,
//! invoices, credit notes and payment records in proportion), native. Reports the time of reading the
//! input and of planning separately, and the whole JSON-in/JSON-out path; the README quotes the figures
//! and the 100k ÷ 10k ratio (10 would be linear).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ledgerbridge::{plan_sync, plan_sync_json, PlanInput};
use ledgerbridge_sample::{generate, SampleSpec};
use std::hint::black_box;
use std::time::Duration;

const SEED: u64 = 42;
const SIZES: [usize; 2] = [10_000, 100_000];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan_sync");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    for n in SIZES {
        let text = generate(&SampleSpec::scaled(SEED, n)).to_string();
        let Ok(input) = PlanInput::from_json_str(&text) else {
            eprintln!("generated input rejected at {n}");
            return;
        };
        eprintln!("input at {n} counterparts per side: {:.1} MB of JSON", text.len() as f64 / 1e6);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("parse", n), &text, |b, t| {
            b.iter(|| PlanInput::from_json_str(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("plan", n), &input, |b, i| b.iter(|| plan_sync(black_box(i))));
        group.bench_with_input(BenchmarkId::new("json_to_json", n), &text, |b, t| {
            b.iter(|| plan_sync_json(black_box(t)))
        });
    }
    group.finish();
}

/// The re-sync preview (SPEC §3.0) at 100k: the same input with one synced record per counterpart, product
/// and bill, next to it without them (the README quotes the ratio, which should stay close to 1).
fn resync(c: &mut Criterion) {
    let mut group = c.benchmark_group("resync");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    let n = 100_000;
    let day_one = generate(&SampleSpec::scaled(SEED, n));
    let Ok(with_records) = ledgerbridge_sample::with_a_record_per_object(&day_one, SEED) else {
        eprintln!("the sample does not plan");
        return;
    };
    let records = with_records.pointer("/monite/synced_records").and_then(|v| v.as_array()).map_or(0, Vec::len);
    let (first, second) = (day_one.to_string(), with_records.to_string());
    eprintln!(
        "first sync {:.1} MB; with {records} synced records {:.1} MB",
        first.len() as f64 / 1e6,
        second.len() as f64 / 1e6
    );
    group.bench_with_input(BenchmarkId::new("first_sync", n), &first, |b, t| b.iter(|| plan_sync_json(black_box(t))));
    group.bench_with_input(BenchmarkId::new("with_synced_records", n), &second, |b, t| {
        b.iter(|| plan_sync_json(black_box(t)))
    });
    group.finish();
}

criterion_group!(benches, bench, resync);
criterion_main!(benches);
