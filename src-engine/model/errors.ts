// Typed errors of the engine (model loading, hull, inference). Every refusal carries a stable
// code that callers can switch on, and a message saying what was expected, what was found and
// what to do. The engine throws; it never prints or exits.

export type EngineErrorCode =
  | 'MODEL_BYTES' // the safetensors container is malformed
  | 'MODEL_FORMAT' // the file is not an inweights model
  | 'MODEL_VERSION' // the model format version is not the one this engine reads
  | 'MODEL_CONFIG' // the config JSON is inconsistent
  | 'MODEL_TENSOR' // a tensor is missing or has the wrong dtype, shape or contents
  | 'MODEL_MISSING' // no model file where one was expected
  | 'TOKEN_RANGE' // a token id outside the vocabulary
  | 'KEY_NOT_FINITE' // an attention key or query component is NaN or infinite
  | 'AVERAGE_NOT_INTEGER' // a non-integer value reached an average head
  | 'AVERAGE_SUM_RANGE' // an average head's sums could exceed 2^53 and lose exactness
  | 'RUN_OPTIONS'; // invalid options passed to a run

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}
