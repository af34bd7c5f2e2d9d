// Facts about the installed inweights package, read from its package.json.
import { readFileSync } from 'node:fs';

const packageJsonUrl = new URL('../../package.json', import.meta.url);

/** The `version` field of the project's package.json. */
export function packageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonUrl, 'utf8'));
  const version = (parsed as { version?: unknown }).version;
  if (typeof version !== 'string') {
    throw new Error(`${packageJsonUrl.pathname}: expected a string "version" field`);
  }
  return version;
}
