// Checks a parsed config JSON against ModelConfig before any weight is read: format tag and
// version first (with expected vs found), then every field's type and range. The error
// message names the field path so a producer can fix it directly.

import { EngineError } from './errors.ts';
import { MODEL_FORMAT, MODEL_VERSION } from './types.ts';
import type { ModelConfig } from './types.ts';

type Json = Record<string, unknown>;

function bad(path: string, expected: string, found: unknown): never {
  const shown = JSON.stringify(found)?.slice(0, 80) ?? String(found);
  throw new EngineError(
    'MODEL_CONFIG',
    `model config ${path}: expected ${expected}, ` + `found ${shown}`,
  );
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function count(value: unknown, path: string, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    bad(path, `an integer >= ${min}`, value);
  }
  return value as number;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) bad(path, 'an array', value);
  return value;
}

function checkFormat(raw: Json): void {
  if (raw['format'] !== MODEL_FORMAT) {
    throw new EngineError(
      'MODEL_FORMAT',
      `not an inweights model: expected format ` +
        `"${MODEL_FORMAT}", found ${JSON.stringify(raw['format'])}`,
    );
  }
  if (raw['version'] !== MODEL_VERSION) {
    throw new EngineError(
      'MODEL_VERSION',
      `model format version ${String(raw['version'])} ` +
        `is not supported: expected version ${MODEL_VERSION}; rebuild the model with this ` +
        `version of Inweights`,
    );
  }
}

function checkPositionFeatures(raw: unknown, dModel: number): void {
  list(raw, 'positionFeatures').forEach((f, i) => {
    const path = `positionFeatures[${i}]`;
    if (!isRecord(f)) bad(path, 'an object', f);
    if (!['p', 'p2', 'parity', 'one'].includes(f['kind'] as string)) {
      bad(`${path}.kind`, '"p", "p2", "parity" or "one"', f['kind']);
    }
    const slot = count(f['slot'], `${path}.slot`, 0);
    if (slot >= dModel) bad(`${path}.slot`, `a slot < dModel = ${dModel}`, slot);
  });
}

function checkLayers(raw: unknown): void {
  list(raw, 'layers').forEach((layer, l) => {
    if (!isRecord(layer)) bad(`layers[${l}]`, 'an object', layer);
    count(layer['ffnWidth'], `layers[${l}].ffnWidth`, 0);
    list(layer['heads'], `layers[${l}].heads`).forEach((head, h) => {
      const path = `layers[${l}].heads[${h}]`;
      if (!isRecord(head)) bad(path, 'an object', head);
      if (typeof head['name'] !== 'string') bad(`${path}.name`, 'a string', head['name']);
      if (head['tieRule'] !== 'latest' && head['tieRule'] !== 'average') {
        bad(`${path}.tieRule`, '"latest" or "average"', head['tieRule']);
      }
      count(head['dv'], `${path}.dv`, 1);
    });
  });
}

function checkOptional(raw: Json, dModel: number): void {
  const names = raw['slotNames'];
  if (names !== undefined) {
    const items = list(names, 'slotNames');
    if (items.length !== dModel || !items.every((s) => typeof s === 'string')) {
      bad('slotNames', `${dModel} strings`, names);
    }
  }
  const meta = raw['meta'];
  if (
    meta !== undefined &&
    (!isRecord(meta) || !Object.values(meta).every((v) => typeof v === 'string'))
  ) {
    bad('meta', 'an object of strings', meta);
  }
}

/** Returns the config typed, or throws MODEL_FORMAT / MODEL_VERSION / MODEL_CONFIG. */
export function validateConfig(raw: unknown): ModelConfig {
  if (!isRecord(raw)) bad('(root)', 'a JSON object', raw);
  checkFormat(raw);
  const vocab = list(raw['vocab'], 'vocab');
  if (vocab.length === 0 || !vocab.every((t) => typeof t === 'string')) {
    bad('vocab', 'a non-empty array of strings', raw['vocab']);
  }
  const dModel = count(raw['dModel'], 'dModel', 1);
  checkPositionFeatures(raw['positionFeatures'], dModel);
  checkLayers(raw['layers']);
  checkOptional(raw, dModel);
  return raw as unknown as ModelConfig;
}
