// The desktop app's logger: electron-log (a file in the user's log folder plus the console),
// behind the Logger interface the shared modules take.

import log from 'electron-log/main';
import type { Logger } from '../shared/logger.ts';

log.initialize();

export const logger: Logger = {
  debug: (m) => log.debug(m),
  info: (m) => log.info(m),
  warn: (m) => log.warn(m),
  error: (m) => log.error(m),
};
