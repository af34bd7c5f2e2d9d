// The data image of the prompt: the module's active data segments laid out from DATA_BASE,
// gaps filled with zeros and trailing zeros dropped (memory is zero there anyway, and every
// byte of the image costs a prompt token).

import { Machine } from '../program/opcodes.ts';
import type { WasmData } from './module.ts';

export function dataImage(segments: readonly WasmData[]): Uint8Array {
  let end: number = Machine.DATA_BASE;
  for (const s of segments) {
    if (s.offset !== null) end = Math.max(end, s.offset + s.bytes.length);
  }
  const image = new Uint8Array(end - Machine.DATA_BASE);
  for (const s of segments) {
    if (s.offset !== null) image.set(s.bytes, s.offset - Machine.DATA_BASE);
  }
  let length = image.length;
  while (length > 0 && image[length - 1] === 0) length--;
  return image.slice(0, length);
}
