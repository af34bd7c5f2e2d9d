// Where the shipped files live (resources/: the libc, the example programs, the model). In the
// source tree that is ../resources from here; a packaged app copies the folder elsewhere and
// tells the engine through INWEIGHTS_RESOURCES.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceTree = fileURLToPath(new URL('../resources/', import.meta.url));

/** The path of a file or folder under resources/. */
export const resourcePath = (...parts: string[]): string =>
  join(process.env['INWEIGHTS_RESOURCES'] ?? sourceTree, ...parts);
