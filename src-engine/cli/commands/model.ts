// `inweights model build [-o FILE]` builds the weights from the machine graph (the shipped
// file is resources/model/inweights.safetensors, reproduced byte for byte; `-o -` writes the
// file to stdout and the shape to stderr); `inweights model info [FILE]` prints the shape of a
// model file.
import type { Command } from 'commander';
import { machineGraph } from '../../machine/build.ts';
import { saveModel } from '../../model/save.ts';
import { SHIPPED_MODEL_PATH, shippedModel } from '../../model/shipped.ts';
import { vocabulary } from '../../program/vocab.ts';
import { buildModel, describeModel } from '../../weights/build.ts';
import { writeErr, writeOut, writeOutputTo } from '../command.ts';

export function registerModel(program: Command): void {
  const model = program.command('model').description('build or inspect the transformer weights');
  model
    .command('build')
    .description('build the weights from the machine graph')
    .option(
      '-o, --output <file>',
      'where to write the safetensors file (- for stdout)',
      SHIPPED_MODEL_PATH,
    )
    .action((flags: { output: string }) => {
      const started = performance.now();
      const built = buildModel(machineGraph(), vocabulary(), { producer: 'inweights model build' });
      const bytes = saveModel(built);
      writeOutputTo(program, flags.output, bytes);
      const ms = (performance.now() - started).toFixed(0);
      const toStdout = flags.output === '-';
      const where = toStdout ? 'the model to standard output' : flags.output;
      writeErr(program, `wrote ${where} (${bytes.length} bytes) in ${ms} ms\n`);
      // with -o -, stdout holds the model file alone
      const shape = shapeText(describeModel(built), built.config.vocab.length);
      if (toStdout) writeErr(program, shape);
      else writeOut(program, shape);
    });
  model
    .command('info')
    .description('print the shape of a model file')
    .argument('[file]', 'safetensors model file', SHIPPED_MODEL_PATH)
    .option('--json', 'print the shape as one JSON object')
    .action((file: string, flags: { json?: boolean }) => {
      const m = shippedModel(file);
      const shape = describeModel(m);
      const vocab = m.config.vocab.length;
      if (flags.json) writeOut(program, JSON.stringify({ ...shape, vocabulary: vocab }) + '\n');
      else writeOut(program, shapeText(shape, vocab));
    });
}

function shapeText(s: ReturnType<typeof describeModel>, vocab: number): string {
  return [
    `layers            ${s.layers}`,
    `residual width    ${s.dModel}`,
    `attention heads   ${s.heads} (query/key dimension 2)`,
    `FFN units         ${s.ffnUnits} (widest layer ${s.maxFfnWidth})`,
    `vocabulary        ${vocab}`,
    `parameters        ${s.parameters} nonzero weights (${s.denseParameters} stored dense)`,
    '',
  ].join('\n');
}
