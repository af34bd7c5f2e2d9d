// The shipped transformer wrapped as a NextToken for trace comparisons in tests.

import { Transformer } from '../inference/transformer.ts';
import type { AttentionBackend } from '../inference/transformer.ts';
import { shippedModel } from '../model/shipped.ts';
import type { NextToken } from './token-runner.ts';

export interface TransformerMachine extends NextToken {
  /** smallest decision margin so far, in float64 ulps */
  margin(): number;
}

export function transformerMachine(attention: AttentionBackend): TransformerMachine {
  const tf = new Transformer(shippedModel(), { attention });
  return {
    prefill: (tokens) => tf.prefill(tokens),
    push: (t) => tf.step(t),
    margin: () => tf.margins().minMargin,
  };
}
