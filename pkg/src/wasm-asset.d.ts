// Hand-written, copied by scripts/build.mjs to glue/ledgerbridge_bg.wasm.d.ts (the `types` of the
// `ledgerbridge/ledgerbridge_bg.wasm` export). wasm-bindgen's file of that name declares the module's raw
// exports (memory, planSyncJson(ptr, len)…), which is what an ESM-integration import would give; the
// documented use is different: a bundler's asset loader hands over the file's URL, for `init()`.

/** The `.wasm` file's URL, as a bundler's asset loader gives it (e.g. esbuild's `file` loader): pass it to `init`. */
declare const url: string;
export default url;
