// The JavaScript WebAssembly API as this project uses it. The Node tsconfig has no DOM
// library, which is where TypeScript declares the `WebAssembly` global, so the few members
// needed are typed here and read from globalThis once.

export interface WasmInstance {
  exports: Record<string, unknown>;
}

export interface WasmRuntime {
  validate(bytes: Uint8Array): boolean;
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: WasmInstance }>;
  /** the error class of traps */
  RuntimeError: new (message?: string) => Error;
}

export const wasmRuntime: WasmRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime })
  .WebAssembly;
