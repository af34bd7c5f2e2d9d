// The leveled logger every host-side module receives: electron-log in the desktop app, a
// small stderr writer in browser mode (web/log.ts). The engine itself never logs.

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
