#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ledgerbridge_fuzz::targets::quickbooks(data));
