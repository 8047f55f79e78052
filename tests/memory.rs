//! The memory model of `src/input/limits.rs` holds: for adversarial inputs — tiny records (the most records per
//! byte), names that NFKC expands, thousands of records sharing a name — and for the seeded sample, the peak
//! heap of a whole `plan_sync_json` call stays below `limits::estimate(text)`, the figure the documented
//! maxima are computed from. Measured natively with a counting allocator; native pointers are twice the
//! width of WebAssembly's, so this over-approximates the module's own use.
#![allow(clippy::panic)] // a test fails by panicking

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates every call to the system allocator unchanged; it only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout is passed on as it is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What `f` returns, and the most heap it held at once above what was allocated before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let value = f();
    (value, PEAK.load(Ordering::Relaxed) - base)
}

/// Peak heap above what was allocated before the call, and the model's estimate: the larger of the
/// reading estimate and the planning one (the two checks of `limits`).
fn measure(text: &str) -> (usize, usize) {
    let shape = ledgerbridge::PlanInput::from_json_str(text)
        .map(|i| (i.shape(), ledgerbridge::input::limits::listed_ids(&i)))
        .unwrap_or_else(|e| panic!("{e}"));
    let (out, peak) = peak_of(|| ledgerbridge::plan_sync_json(text));
    assert!(out.is_ok(), "does not plan: {out:?}");
    drop(out);
    let ((records, longest), listed) = shape;
    let plan = ledgerbridge::input::limits::estimate_plan(text.len(), records, listed, longest);
    (peak, ledgerbridge::input::limits::estimate(text).max(plan))
}

fn check(name: &str, input: &Value) {
    let text = input.to_string();
    let (peak, estimate) = measure(&text);
    eprintln!(
        "{name}: {} bytes of text, peak {peak} ({:.1}× the text), estimate {estimate}",
        text.len(),
        peak as f64 / text.len() as f64
    );
    assert!(peak <= estimate, "{name}: peak {peak} bytes over the model's {estimate}");
}

#[test]
fn tiny_records_stay_within_the_model() {
    let n = 4_000;
    let ids = |p: &str| (0..n).map(|i| json!({ "id": format!("{p}{i}") })).collect::<Vec<_>>();
    check("tiny payment records", &json!({ "monite": { "payment_records": ids("p") } }));
    check(
        "tiny products",
        &json!({ "monite": { "products": (0..n).map(|i| json!({ "id": format!("p{i}"), "name": "a" })).collect::<Vec<_>>() } }),
    );
    let counterparts: Vec<Value> =
        (0..n).map(|i| json!({ "id": format!("m{i}"), "organization": { "legal_name": format!("n{i}") } })).collect();
    check("tiny counterparts", &json!({ "monite": { "counterparts": counterparts } }));
    let bills: Vec<Value> =
        (0..n).map(|i| json!({ "id": format!("b{i}"), "status": "x", "line_items": [{}] })).collect();
    check("tiny bills", &json!({ "monite": { "payables": bills } }));
    check(
        "tiny accounting counterparts",
        &json!({ "accounting": { "counterparts": (0..n).map(|i| json!({ "id": format!("a{i}"), "name": "x" })).collect::<Vec<_>>() } }),
    );
}

#[test]
fn expanding_names_stay_within_the_model() {
    let name = "\u{FDFA}".repeat(1_000);
    let counterparts: Vec<Value> =
        (0..20).map(|i| json!({ "id": format!("m{i}"), "organization": { "legal_name": name } })).collect();
    let accounting: Vec<Value> =
        (0..20).map(|i| json!({ "id": format!("a{i}"), "name": format!("{name}{i}") })).collect();
    check(
        "names of U+FDFA",
        &json!({ "monite": { "counterparts": counterparts }, "accounting": { "counterparts": accounting } }),
    );
}

#[test]
fn shared_names_stay_within_the_model() {
    let n = 3_000;
    let monite: Vec<Value> = (0..n)
        .map(|i| json!({ "id": format!("m{i}"), "organization": { "legal_name": "Walk-in Customer" } }))
        .collect();
    check(
        "one shared name",
        &json!({ "monite": { "counterparts": monite }, "accounting": { "counterparts": [{ "id": "a1", "name": "Walk-in Customer" }] } }),
    );
}

#[test]
fn the_seeded_sample_stays_within_the_model() {
    let input = ledgerbridge_sample::generate(&ledgerbridge_sample::SampleSpec::scaled(42, 1_000));
    check("seeded sample, 1k", &input);
}

/// The raw-body adapters (`fromQuickBooksJson`, `fromXeroJson`) and the error scan behind every path hold
/// memory linear in the text with the fuzz harness's constants (`fuzz/src/targets.rs`, `MEMORY`: 32 bytes
/// per byte of input, and 64 KiB). The `quickbooks` target found two inputs over that line: records given
/// as arrays, read by position (~100 bytes per byte), and an unterminated `[[[[…` whose error scan kept a
/// frame per bracket (~120 bytes per byte).
#[test]
fn raw_bodies_and_their_errors_hold_memory_linear_in_the_text() {
    let many = |record: &str, n: usize| vec![record; n].join(",");
    let quickbooks = [
        ("unterminated nesting", format!("{{\"customers\":{}", "[".repeat(100_000))),
        ("records as arrays", format!("{{\"customers\":[{}]}}", many(r#"["",""]"#, 20_000))),
        (
            "the smallest records, then an error",
            format!(
                "{{\"customers\":{{\"QueryResponse\":{{\"Customer\":[{}]}}}},\"items\":[{{\"Id\":1}}]}}",
                many(r#"{"Id":"","DisplayName":""}"#, 20_000)
            ),
        ),
    ];
    let xero = [
        ("unterminated nesting", format!("{{\"contacts\":{}", "{\"a\":[".repeat(20_000))),
        ("records as arrays", format!("{{\"contacts\":[{}]}}", many(r#"["",""]"#, 20_000))),
        (
            "the smallest records, then an error",
            format!("{{\"items\":[{}],\"tax_rates\":[{{\"Name\":1}}]}}", many(r#"{"ItemID":"","Name":""}"#, 20_000)),
        ),
    ];
    within_the_harness_line("quickbooks", ledgerbridge::input::forms::quickbooks_snapshot, &quickbooks);
    within_the_harness_line("xero", ledgerbridge::input::forms::xero_snapshot, &xero);
}

type Adapter = fn(&str) -> Result<ledgerbridge::input::adapters::Snapshot, ledgerbridge::InputError>;

/// Each case is rejected, holding at most 32 bytes per byte of its text and 64 KiB.
fn within_the_harness_line(adapter: &str, adapt: Adapter, cases: &[(&str, String)]) {
    for (name, text) in cases {
        let (result, peak) = peak_of(|| adapt(text));
        let error = result.err().unwrap_or_else(|| panic!("{adapter}, {name}: accepted"));
        let bound = 32 * text.len() + (1 << 16);
        eprintln!("{adapter}, {name}: {} bytes of text, peak {peak} ({error})", text.len());
        assert!(peak <= bound, "{adapter}, {name}: peak {peak} bytes for {} bytes of text", text.len());
    }
}
