// The project's own small C library (resources/libc): its headers and sources as a file tree
// for clang's virtual file system. Clang's freestanding headers (stdint.h, stddef.h,
// stdbool.h, limits.h, stdarg.h) come with the toolchain and are not copied here.

import { readdirSync, readFileSync } from 'node:fs';
import { resourcePath } from '../resources.ts';
import { join } from 'node:path';

/** Where resources/libc lives in the source tree. */
export const defaultLibcDir = resourcePath('libc') + '/';

export interface LibcFiles {
  /** `{include: {...}, src: {...}}`, to be mounted as `libc/` */
  tree: { include: Record<string, string>; src: Record<string, string> };
  /** the C sources, as paths relative to the mount point's parent (`libc/src/x.c`) */
  sources: string[];
}

const cache = new Map<string, LibcFiles>();

function readFolder(dir: string, ext: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(ext)) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** Reads the library once per folder. */
export function libcFiles(dir: string = defaultLibcDir): LibcFiles {
  let files = cache.get(dir);
  if (files === undefined) {
    const tree = {
      include: readFolder(join(dir, 'include'), '.h'),
      src: readFolder(join(dir, 'src'), '.c'),
    };
    files = { tree, sources: Object.keys(tree.src).map((name) => `libc/src/${name}`) };
    cache.set(dir, files);
  }
  return files;
}
