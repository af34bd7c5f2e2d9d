// Safetensors bytes (or a file path) -> Model. Checks, in order: the container, the config's
// format tag and version (clear expected-vs-found errors), the config fields, then every
// tensor against the shapes the config implies.

import { readFileSync } from 'node:fs';
import { EngineError } from './errors.ts';
import { readSafetensors } from './safetensors.ts';
import { tensorsToWeights } from './tensor-layout.ts';
import type { Model } from './types.ts';
import { validateConfig } from './validate-config.ts';
import { validateWeights } from './validate-weights.ts';

export function decodeModel(bytes: Uint8Array): Model {
  const file = readSafetensors(bytes);
  const text = file.metadata['config'];
  if (text === undefined) {
    throw new EngineError(
      'MODEL_FORMAT',
      'not an inweights model: the safetensors metadata ' + 'has no "config" entry',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new EngineError('MODEL_CONFIG', `model config is not JSON: ${(err as Error).message}`);
  }
  const config = validateConfig(raw);
  const weights = tensorsToWeights(config, file.tensors);
  validateWeights(config, weights);
  return { config, weights };
}

/** Loads a model from a file path (Node only) or from the bytes of a model file. */
export function loadModel(source: string | Uint8Array): Model {
  return decodeModel(typeof source === 'string' ? readFileSync(source) : source);
}
