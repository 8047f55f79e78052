// Hand-written: no tool generates this. Edge bundlers (wrangler for workerd, Next.js for edge-light) turn
// an import of `x.wasm?module` into a compiled module; this tells tsc so while it compiles src/edge.ts.
declare module '*.wasm?module' {
  const module: WebAssembly.Module;
  export default module;
}
