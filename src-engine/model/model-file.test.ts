import { describe, expect, it } from 'vitest';
import { countingModel, randomModel } from '../inference/test-models.ts';
import { canonicalJson } from './canonical-json.ts';
import { decodeModel } from './load.ts';
import { readSafetensors, writeSafetensors } from './safetensors.ts';
import { saveModel } from './save.ts';
import type { Model } from './types.ts';

/** Rewrites the config stored in a model file. */
function withConfig(
  bytes: Uint8Array,
  edit: (config: Record<string, unknown>) => void,
): Uint8Array {
  const file = readSafetensors(bytes);
  const config = JSON.parse(file.metadata['config']) as Record<string, unknown>;
  edit(config);
  return writeSafetensors({ tensors: file.tensors, metadata: { config: JSON.stringify(config) } });
}

describe('model file', () => {
  it('round-trips to byte-identical files', () => {
    for (const model of [countingModel(), randomModel(1), randomModel(2)]) {
      const bytes = saveModel(model);
      const again = saveModel(decodeModel(bytes));
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('gives back the same config and weights', () => {
    const model = randomModel(7);
    const loaded: Model = decodeModel(saveModel(model));
    expect(loaded.config).toEqual(
      JSON.parse(canonicalJson(JSON.parse(JSON.stringify(model.config)))),
    );
    expect(loaded.weights).toEqual(model.weights);
  });

  it('starts its data 8-byte aligned after a JSON header with sorted keys', () => {
    const bytes = saveModel(countingModel());
    const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    expect((8 + size) % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + size)));
    const keys = Object.keys(header);
    expect(keys).toEqual([...keys].sort());
    expect(header['embed.val']).toMatchObject({ dtype: 'F64' });
    expect(header['embed.rowptr']).toMatchObject({ dtype: 'I32', shape: [13] });
  });

  it('rejects another format version, naming the expected and the found one', () => {
    const bytes = withConfig(saveModel(countingModel()), (c) => {
      c['version'] = 2;
    });
    expect(() => decodeModel(bytes)).toThrow(
      expect.objectContaining({
        code: 'MODEL_VERSION',
        message: expect.stringMatching(/version 2 .*expected version 1/),
      }),
    );
  });

  it('rejects a file whose format tag is not inweights-model', () => {
    const bytes = withConfig(saveModel(countingModel()), (c) => {
      c['format'] = 'other';
    });
    expect(() => decodeModel(bytes)).toThrow(expect.objectContaining({ code: 'MODEL_FORMAT' }));
  });

  it('rejects a truncated file as malformed', () => {
    const bytes = saveModel(countingModel());
    expect(() => decodeModel(bytes.subarray(0, 40))).toThrow(
      expect.objectContaining({ code: 'MODEL_BYTES' }),
    );
  });

  it('reports a header length that needs all 64 bits in full', () => {
    const bytes = saveModel(countingModel()).slice();
    new DataView(bytes.buffer).setBigUint64(0, 2n ** 62n, true);
    expect(() => decodeModel(bytes)).toThrow(
      expect.objectContaining({
        code: 'MODEL_BYTES',
        message: expect.stringContaining(
          `header length 4611686018427387904 does not fit a ${bytes.length}-byte file`,
        ),
      }),
    );
  });

  it('calls a file that is not safetensors at all (C source) not a safetensors file', () => {
    const source = new TextEncoder().encode('#include <stdio.h>\nint main(void) { return 0; }\n');
    expect(() => decodeModel(source)).toThrow(
      expect.objectContaining({
        code: 'MODEL_FORMAT',
        message: expect.stringMatching(/^not a safetensors file: /),
      }),
    );
  });

  it('calls a safetensors file without the inweights config not an inweights model', () => {
    // a valid file of a dtype this reader does not take: the config is missing all the same
    const header = '{"weight":{"data_offsets":[0,8],"dtype":"F32","shape":[2]}}';
    const padded = new TextEncoder().encode(header.padEnd(64 - 8, ' '));
    const bytes = new Uint8Array(8 + padded.length + 8);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(padded.length), true);
    bytes.set(padded, 8);
    expect(() => decodeModel(bytes)).toThrow(
      expect.objectContaining({
        code: 'MODEL_FORMAT',
        message: expect.stringMatching(/^not an inweights model: .*no "config" entry/),
      }),
    );
  });

  it('rejects a config that places a position feature outside the residual stream', () => {
    const bytes = withConfig(saveModel(countingModel()), (c) => {
      c['dModel'] = 2;
    });
    expect(() => decodeModel(bytes)).toThrow(
      expect.objectContaining({
        code: 'MODEL_CONFIG',
        message: expect.stringContaining('positionFeatures[1].slot'),
      }),
    );
  });

  it('rejects tensors whose columns do not fit the configured width', () => {
    const bytes = withConfig(saveModel(countingModel()), (c) => {
      c['dModel'] = 4;
    });
    expect(() => decodeModel(bytes)).toThrow(
      expect.objectContaining({
        code: 'MODEL_TENSOR',
        message: expect.stringContaining('column 4'),
      }),
    );
  });

  it('refuses to save non-finite weights', () => {
    const model = countingModel();
    model.weights.unembed.bias[0] = Infinity;
    expect(() => saveModel(model)).toThrow(/unembed\.bias: entry 0 is Infinity/);
  });
});
