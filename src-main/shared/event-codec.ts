// Wire form of AppEvents on the browser mode's WebSocket: one binary frame per event,
//   [u32 LE length of the JSON header][JSON header, UTF-8][zero padding to 4][Int32 LE tokens]
// so a progress batch of many thousand token ids costs 4 bytes each, not their decimal text.

import type { AppEvent } from './api.ts';

type Header =
  | Exclude<AppEvent, { type: 'progress' }>
  | (Omit<Extract<AppEvent, { type: 'progress' }>, 'tokens'> & { tokenCount: number });

export function encodeEvent(e: AppEvent): Uint8Array {
  const tokens = e.type === 'progress' ? e.tokens : new Int32Array(0);
  const header: Header =
    e.type === 'progress' ? ({ ...e, tokens: undefined, tokenCount: tokens.length } as Header) : e;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const at = (4 + json.length + 3) & ~3;
  const out = new Uint8Array(at + 4 * tokens.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  out.set(json, 4);
  for (let i = 0; i < tokens.length; i++) view.setInt32(at + 4 * i, tokens[i]!, true);
  return out;
}

export function decodeEvent(frame: Uint8Array): AppEvent {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const length = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + length))) as Header;
  if (header.type !== 'progress') return header;
  const at = (4 + length + 3) & ~3;
  const tokens = new Int32Array(header.tokenCount);
  for (let i = 0; i < tokens.length; i++) tokens[i] = view.getInt32(at + 4 * i, true);
  const { tokenCount: _, ...rest } = header;
  return { ...rest, tokens };
}
