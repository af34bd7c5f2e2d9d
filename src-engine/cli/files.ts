// Reading and writing the files named on the command line. Node's own errors ("ENOENT: no
// such file or directory, open 'x'", or "EISDIR … read" with no file name at all) become one
// line that names the file and the problem; the launcher prints it and exits 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Node's error codes for problems a user can fix, in words. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** `error` restated for `path`, or `error` itself if it is not a known file-system problem. */
function restated(error: unknown, verb: 'read' | 'write', path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // a file being written is created, so what is missing is its folder
  if (verb === 'write' && code === 'ENOENT') {
    return new Error(`cannot write ${path}: the folder ${dirname(path)} does not exist`);
  }
  const reason = code === undefined ? undefined : REASONS[code];
  return reason === undefined ? error : new Error(`cannot ${verb} ${path}: ${reason}`);
}

/** The bytes of the file at `path`. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw restated(error, 'read', path);
  }
}

/** Writes `data` to the file at `path`. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw restated(error, 'write', path);
  }
}
