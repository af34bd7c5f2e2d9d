// Reads Clang's and wasm-ld's stderr into Diagnostic objects. Clang writes
// `file:line:col: severity: message` (run with -fno-caret-diagnostics, so no source excerpts
// follow); notes are folded into the diagnostic they explain; wasm-ld writes
// `wasm-ld: error: object.o: message`, which concerns the program as a whole.

import type { Diagnostic } from '../api.ts';

const CLANG_LINE = /^(.+?):(\d+):(\d+): (fatal error|error|warning|note): (.*)$/;
const LINKER_LINE = /^wasm-ld: (error|warning): (?:[^:]*\.o: )?(.*)$/;

/** Parses stderr; `programFile` names the file that program-wide (linker) messages concern. */
export function parseDiagnostics(stderr: string, programFile: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const clang = CLANG_LINE.exec(line);
    if (clang !== null) {
      const [, file, row, col, kind, message] = clang;
      const last = diagnostics.at(-1);
      if (kind === 'note') {
        if (last !== undefined) last.message += ` (note: ${file}:${row}:${col}: ${message})`;
        continue;
      }
      diagnostics.push({
        file,
        line: Number(row),
        column: Number(col),
        severity: kind === 'warning' ? 'warning' : 'error',
        message,
      });
      continue;
    }
    const linker = LINKER_LINE.exec(line);
    if (linker !== null) {
      const severity = linker[1] === 'warning' ? 'warning' : 'error';
      diagnostics.push({ file: programFile, line: 0, column: 0, severity, message: linker[2] });
    }
  }
  return diagnostics;
}

/** True when any diagnostic is an error. */
export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');
