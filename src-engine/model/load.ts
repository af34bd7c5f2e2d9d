// Safetensors bytes (or a file path) -> Model. Checks, in order: the container's header, the
// config's format tag and version (clear expected-vs-found errors), the config fields, then the
// tensors in the container and against the shapes the config implies. The config comes before
// the tensors so that any other safetensors file is called what it is: not an inweights model.

import { readFileSync } from 'node:fs';
import { EngineError } from './errors.ts';
import { readSafetensors, readSafetensorsMetadata } from './safetensors.ts';
import { tensorsToWeights } from './tensor-layout.ts';
import type { Model } from './types.ts';
import { validateConfig } from './validate-config.ts';
import { validateWeights } from './validate-weights.ts';

export function decodeModel(bytes: Uint8Array): Model {
  const text = readSafetensorsMetadata(bytes)['config'];
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
  const file = readSafetensors(bytes);
  const weights = tensorsToWeights(config, file.tensors);
  validateWeights(config, weights);
  return { config, weights };
}

/** Loads a model from a file path (Node only) or from the bytes of a model file. */
export function loadModel(source: string | Uint8Array): Model {
  return decodeModel(typeof source === 'string' ? readFileSync(source) : source);
}
