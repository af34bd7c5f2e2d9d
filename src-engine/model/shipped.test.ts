// The shipped model file is exactly what building the machine graph produces today.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { machineGraph } from '../machine/build.ts';
import { vocabulary } from '../program/vocab.ts';
import { buildModel } from '../weights/build.ts';
import { saveModel } from './save.ts';
import { SHIPPED_MODEL_PATH } from './shipped.ts';

describe('the shipped model', () => {
  it('is reproduced byte for byte by building the machine graph', () => {
    const built = saveModel(
      buildModel(machineGraph(), vocabulary(), { producer: 'inweights model build' }),
    );
    const shipped = new Uint8Array(readFileSync(SHIPPED_MODEL_PATH));
    expect(built.length).toBe(shipped.length);
    expect(Buffer.compare(Buffer.from(built), Buffer.from(shipped))).toBe(0);
  });

  it('builds deterministically: two builds give identical bytes', () => {
    const a = saveModel(buildModel(machineGraph(), vocabulary()));
    const b = saveModel(buildModel(machineGraph(), vocabulary()));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});
