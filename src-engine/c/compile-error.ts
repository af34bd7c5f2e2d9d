// The one error type of the compiler (C → WebAssembly → token program). It carries a stable
// code and every diagnostic found, so a caller can show all of them at once; the message is
// the diagnostics rendered as `file:line:col: severity: message` lines.

import type { Diagnostic } from '../api.ts';

export type CompileErrorCode =
  | 'C_ERROR' // clang rejected the C source
  | 'LINK_ERROR' // wasm-ld could not link (an undefined function, a symbol defined twice)
  | 'TOOLCHAIN' // clang itself could not run or wrote no module
  | 'WASM_INVALID' // the module is not valid WebAssembly or cannot be decoded
  | 'UNSUPPORTED' // the module uses a feature the register machine does not have
  // the program exceeds a limit of the machine (registers per frame, instructions, 2 MiB of
  // memory) or of the toolchain (clang's stack, how deeply the decoder follows nested blocks)
  | 'LIMIT';

export class CompileError extends Error {
  readonly code: CompileErrorCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: CompileErrorCode, diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'CompileError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col: severity: message`, leaving out a line or column that is unknown (0). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line > 0 ? d.line : '', d.line > 0 && d.column > 0 ? d.column : '']
    .filter((part) => part !== '')
    .join(':');
  return `${where}: ${d.severity}: ${d.message}`;
}

/** A diagnostic that concerns the whole program rather than a line of it. */
export const programDiagnostic = (file: string, message: string): Diagnostic => ({
  file,
  line: 0,
  column: 0,
  severity: 'error',
  message,
});
