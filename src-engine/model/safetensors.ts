// A small reader/writer for the safetensors container, limited to the two dtypes the model
// uses (F64, I32). Layout: u64 little-endian header length N, N bytes of JSON header (padded
// with spaces so the data starts 8-byte aligned), then the tensor data. The writer is
// byte-deterministic: canonical JSON, F64 tensors first then I32, each group sorted by name.

import { EngineError } from './errors.ts';
import { canonicalJson } from './canonical-json.ts';
import type { JsonValue } from './canonical-json.ts';

export type Tensor =
  | { readonly dtype: 'F64'; readonly shape: readonly number[]; readonly data: Float64Array }
  | { readonly dtype: 'I32'; readonly shape: readonly number[]; readonly data: Int32Array };

export interface SafetensorsFile {
  readonly tensors: ReadonlyMap<string, Tensor>;
  readonly metadata: Readonly<Record<string, string>>;
}

const MAX_HEADER_BYTES = 256 * 1024 * 1024;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) {
    throw new EngineError('MODEL_BYTES', 'safetensors I/O needs a little-endian machine');
  }
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((acc, n) => acc * n, 1);
}

function orderedNames(tensors: ReadonlyMap<string, Tensor>): string[] {
  const names = [...tensors.keys()].sort();
  const f64 = names.filter((n) => tensors.get(n)?.dtype === 'F64');
  const i32 = names.filter((n) => tensors.get(n)?.dtype === 'I32');
  return [...f64, ...i32];
}

export function writeSafetensors(file: SafetensorsFile): Uint8Array {
  requireLittleEndian();
  const names = orderedNames(file.tensors);
  const header: Record<string, JsonValue> = { __metadata__: { ...file.metadata } };
  let offset = 0;
  for (const name of names) {
    const t = file.tensors.get(name) as Tensor;
    if (t.data.length !== elementCount(t.shape)) {
      throw new EngineError(
        'MODEL_TENSOR',
        `tensor ${name}: shape [${t.shape.join(',')}] ` +
          `needs ${elementCount(t.shape)} elements, data has ${t.data.length}`,
      );
    }
    const end = offset + t.data.byteLength;
    header[name] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, end] };
    offset = end;
  }
  let json = canonicalJson(header);
  const utf8 = new TextEncoder();
  while ((8 + utf8.encode(json).length) % 8 !== 0) json += ' ';
  const headerBytes = utf8.encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const name of names) {
    const data = (file.tensors.get(name) as Tensor).data;
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

function fail(message: string): never {
  throw new EngineError('MODEL_BYTES', `malformed safetensors file: ${message}`);
}

/** The first byte of every safetensors header, which is a JSON object. */
const OPEN_BRACE = 0x7b;

function parseHeader(bytes: Uint8Array): { json: Record<string, unknown>; dataStart: number } {
  if (bytes.length < 9) fail(`${bytes.length} bytes, too few to hold a header`);
  // a file that does not even start like one (C source, a token program) is another kind of file
  if (bytes[8] !== OPEN_BRACE) {
    throw new EngineError(
      'MODEL_FORMAT',
      'not a safetensors file: a model file starts with an 8-byte header length, then a ' +
        'JSON header',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getBigUint64(0, true); // all 64 bits, so a message shows the real value
  if (length > BigInt(Math.min(MAX_HEADER_BYTES, bytes.length - 8))) {
    fail(`header length ${length} does not fit a ${bytes.length}-byte file`);
  }
  const size = Number(length);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + size)));
  } catch (err) {
    fail(`header is not JSON (${(err as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    fail('header is not a JSON object');
  }
  return { json: json as Record<string, unknown>, dataStart: 8 + size };
}

function parseMetadata(raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('bad __metadata__');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string') fail(`__metadata__.${key} is not a string`);
    out[key] = value;
  }
  return out;
}

function isShape(raw: unknown): raw is number[] {
  return Array.isArray(raw) && raw.every((n) => Number.isSafeInteger(n) && n >= 0);
}

function parseTensor(name: string, raw: unknown, data: Uint8Array): Tensor {
  const entry = (raw ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  const { dtype, shape, data_offsets: range } = entry;
  if (dtype !== 'F64' && dtype !== 'I32') {
    fail(`tensor ${name} has dtype ${String(dtype)}, expected F64 or I32`);
  }
  if (!isShape(shape)) fail(`tensor ${name} has no valid shape`);
  if (!Array.isArray(range) || range.length !== 2) fail(`tensor ${name} has no data_offsets`);
  const [begin, end] = range as unknown[];
  const width = dtype === 'F64' ? 8 : 4;
  const bytes = elementCount(shape) * width;
  if (
    typeof begin !== 'number' ||
    typeof end !== 'number' ||
    !Number.isSafeInteger(begin) ||
    begin < 0 ||
    end - begin !== bytes ||
    end > data.length
  ) {
    fail(
      `tensor ${name}: data_offsets [${String(begin)}, ${String(end)}] do not hold ` +
        `${bytes} bytes inside ${data.length} data bytes`,
    );
  }
  const copy = data.slice(begin, end).buffer;
  return dtype === 'F64'
    ? { dtype, shape, data: new Float64Array(copy) }
    : { dtype, shape, data: new Int32Array(copy) };
}

/** The header's metadata alone, so a reader can tell what a file is before its tensors. */
export function readSafetensorsMetadata(bytes: Uint8Array): Record<string, string> {
  return parseMetadata(parseHeader(bytes).json['__metadata__']);
}

export function readSafetensors(bytes: Uint8Array): SafetensorsFile {
  requireLittleEndian();
  const { json, dataStart } = parseHeader(bytes);
  const data = bytes.subarray(dataStart);
  const tensors = new Map<string, Tensor>();
  for (const [name, raw] of Object.entries(json)) {
    if (name !== '__metadata__') tensors.set(name, parseTensor(name, raw, data));
  }
  return { tensors, metadata: parseMetadata(json['__metadata__']) };
}
