// Where the shipped files live (resources/: the libc, the example programs, the model). In the
// source tree that is ../resources from here; a packaged app copies the folder elsewhere and
// tells the engine through INWEIGHTS_RESOURCES (an empty value counts as unset).

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceTree = fileURLToPath(new URL('../resources/', import.meta.url));

/** The folder INWEIGHTS_RESOURCES names, or undefined when it is unset or empty. */
const namedFolder = (): string | undefined => process.env['INWEIGHTS_RESOURCES'] || undefined;

/** The path of a file or folder under resources/. */
export const resourcePath = (...parts: string[]): string =>
  join(namedFolder() ?? sourceTree, ...parts);

/** What is wrong with the folder INWEIGHTS_RESOURCES names, or null (also when it is unset). */
export function resourcesProblem(): string | null {
  const folder = namedFolder();
  if (folder === undefined) return null;
  const expected = 'it must name a resources folder, one holding libc/, programs/ and model/';
  if (!existsSync(folder))
    return `INWEIGHTS_RESOURCES is ${folder}, which does not exist: ${expected}`;
  if (!statSync(folder).isDirectory()) {
    return `INWEIGHTS_RESOURCES is ${folder}, which is not a folder: ${expected}`;
  }
  const missing = ['libc', 'programs', 'model'].filter((part) => !existsSync(join(folder, part)));
  if (missing.length === 0) return null;
  return `INWEIGHTS_RESOURCES is ${folder}, which has no ${missing.join('/, ')}/: ${expected}`;
}
