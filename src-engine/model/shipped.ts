// The model that ships with Inweights: the machine graph built into weights, stored in
// resources/model. `inweights model build` regenerates the file byte for byte.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { resourcePath } from '../resources.ts';
import { EngineError } from './errors.ts';
import { decodeModel } from './load.ts';
import type { Model } from './types.ts';

export const SHIPPED_MODEL_PATH = resourcePath('model', 'inweights.safetensors');

let cached: Model | undefined;

/** Loads (once) the shipped model, or the file at `path`. */
export function shippedModel(path = SHIPPED_MODEL_PATH): Model {
  if (path === SHIPPED_MODEL_PATH && cached) return cached;
  if (!existsSync(path)) {
    throw new EngineError(
      'MODEL_MISSING',
      `no model file at ${path}: build it with \`npx inweights model build\``,
    );
  }
  if (statSync(path).isDirectory()) {
    throw new EngineError('MODEL_MISSING', `${path} is a folder, not a model file`);
  }
  const model = decodeNamed(path, new Uint8Array(readFileSync(path)));
  if (path === SHIPPED_MODEL_PATH) cached = model;
  return model;
}

/** Decodes a model file; a refusal names the file, since the CLI may be given any path. */
function decodeNamed(path: string, bytes: Uint8Array): Model {
  try {
    return decodeModel(bytes);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.code, `${path}: ${e.message}`);
    throw e;
  }
}
