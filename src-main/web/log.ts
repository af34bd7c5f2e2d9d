// The browser mode's leveled logger: one line per message on stderr, prefixed with time and
// level. INWEIGHTS_LOG=debug|info|warn|error sets the threshold (info by default).

import type { Logger } from '../shared/logger.ts';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export function createLogger(threshold = process.env['INWEIGHTS_LOG'] ?? 'info'): Logger {
  const min = Math.max(0, LEVELS.indexOf(threshold as Level));
  const at = (level: Level) => (message: string) => {
    if (LEVELS.indexOf(level) < min) return;
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
