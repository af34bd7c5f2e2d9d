// The API the preload exposes to the renderer as `window.inweights`. It is the whole surface
// between the sandboxed page and the main process, so it stays small and fully typed.
// This file holds no Electron or Node code: the renderer imports its types.

/** What `window.inweights` holds in the desktop app (absent in browser mode). */
export interface InweightsApi {
  /** The app version, as in package.json. */
  readonly version: string;
}

/**
 * Command-line switch by which the main process hands the version to the sandboxed preload,
 * which cannot read package.json itself: `--inweights-version=0.1.0`.
 */
export const VERSION_SWITCH = '--inweights-version=';
