// JSON text with object keys sorted at every level and no whitespace, so that equal values
// always serialise to identical bytes (the model file must be byte-deterministic).

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return '[' + value.map((item: JsonValue) => canonicalJson(item)).join(',') + ']';
  }
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) parts.push(JSON.stringify(key) + ':' + canonicalJson(item));
  }
  return '{' + parts.join(',') + '}';
}
