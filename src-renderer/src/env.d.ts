// Globals the renderer may use: the preload's API, present only in the desktop app.
import type { InweightsApi } from '../../src-main/shared/api.ts';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; undefined in browser mode. */
    readonly inweights?: InweightsApi;
  }
}

export {};
