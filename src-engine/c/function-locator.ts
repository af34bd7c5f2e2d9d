// Finds where a C function is defined, to point refusals found in the WebAssembly (which
// knows function names, not lines) at the source. A light scan, not a C parser: it skips
// comments, strings and character literals, tracks brace depth, and takes the first
// `name (` at file scope whose parenthesised list is followed by `{`.

import type { SourceLocation } from '../wasm/check-features.ts';

/** Source text with comments and literals blanked out (same length, newlines kept). */
function blankNonCode(source: string): string {
  return source.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g,
    (m) => m.replace(/[^\n]/g, ' '),
  );
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Offsets of `name(` at brace depth 0 followed (after the closing paren) by `{`. */
function findDefinition(code: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\b${escaped}\\s*\\(`, 'g');
  for (let m = pattern.exec(code); m !== null; m = pattern.exec(code)) {
    const before = code.slice(0, m.index);
    const depth = (before.match(/\{/g)?.length ?? 0) - (before.match(/\}/g)?.length ?? 0);
    if (depth !== 0) continue;
    let i = m.index + m[0].length;
    for (let open = 1; i < code.length && open > 0; i++) {
      if (code[i] === '(') open++;
      else if (code[i] === ')') open--;
    }
    const after = /^\s*(\{|[^;{]*\{)/.exec(code.slice(i));
    if (after !== null && !/;/.test(after[0])) return m.index;
  }
  return null;
}

/** A locator for check-features: function name → its definition in `source`, if found. */
export function functionLocator(
  source: string,
  file: string,
): (name: string) => SourceLocation | undefined {
  const code = blankNonCode(source);
  return (name) => {
    const at = findDefinition(code, name);
    return at === null ? undefined : { file, ...lineAndColumn(code, at) };
  };
}
