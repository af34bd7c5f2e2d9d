// Picks the app's API once at startup: the desktop preload's `window.inweights` when present,
// otherwise the browser mode's web client.

import type { InweightsApi } from '../../../src-main/shared/api.ts';
import { createWebApi } from './api-web.ts';

export const api: InweightsApi = window.inweights ?? createWebApi();
export const desktop = window.inweights !== undefined;
