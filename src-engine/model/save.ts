// Model -> safetensors bytes. The config goes into __metadata__.config as canonical JSON and
// the weights into named tensors (tensor-layout.ts). Byte-deterministic: the same model always
// gives identical bytes. The model is validated first so a saved file always loads.

import { canonicalJson } from './canonical-json.ts';
import type { JsonValue } from './canonical-json.ts';
import { writeSafetensors } from './safetensors.ts';
import { weightsToTensors } from './tensor-layout.ts';
import type { Model, ModelConfig } from './types.ts';
import { validateConfig } from './validate-config.ts';
import { validateWeights } from './validate-weights.ts';

/** The config as plain JSON, listing only the fields of ModelConfig. */
export function configToJson(config: ModelConfig): JsonValue {
  return {
    format: config.format,
    version: config.version,
    vocab: [...config.vocab],
    dModel: config.dModel,
    positionFeatures: config.positionFeatures.map((f) => ({ kind: f.kind, slot: f.slot })),
    layers: config.layers.map((layer) => ({
      ffnWidth: layer.ffnWidth,
      heads: layer.heads.map((h) => ({ name: h.name, tieRule: h.tieRule, dv: h.dv })),
    })),
    slotNames: config.slotNames === undefined ? undefined : [...config.slotNames],
    meta: config.meta === undefined ? undefined : { ...config.meta },
  };
}

export function saveModel(model: Model): Uint8Array {
  const json = configToJson(model.config);
  validateConfig(JSON.parse(canonicalJson(json)));
  validateWeights(model.config, model.weights);
  return writeSafetensors({
    tensors: weightsToTensors(model.weights),
    metadata: { config: canonicalJson(json) },
  });
}
