// `inweights solve FILE|-`: reads a cost matrix, solves it with hungarian.c on the chosen
// engine and prints the matching, or with --json one JSON object as the last line. Refused
// input throws (the launcher prints one line to stderr and exits 1); an infeasible problem is
// an answer, not an error. A run that is cut short or fails its check exits 1 after printing.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { AttentionName, EngineName } from '../../api.ts';
import { problemRows, type AssignmentProblem } from '../../assignment/problem.ts';
import type { FormatChoice } from '../../assignment/read.ts';
import { parseProblem, solveAssignment, type AssignmentResult } from '../../assignment/solve.ts';
import { writeOut } from '../command.ts';
import { readInputFile } from '../files.ts';
import { marginWarning } from '../margin-warning.ts';
import { attentionOption, checkAttention, maxTokensOption } from '../options.ts';
import { progressLine } from '../progress.ts';

interface SolveFlags {
  format: FormatChoice;
  maximize?: boolean;
  engine: EngineName;
  attention: AttentionName;
  maxTokens?: number;
  json?: boolean;
  account?: boolean;
}

export function registerSolve(program: Command): void {
  program
    .command('solve')
    .description('solve an assignment problem (min-cost matching) with hungarian.c')
    .argument('<file>', 'cost matrix: CSV/TSV/white space, OR-Library or JSON; - for stdin')
    .addOption(
      new Option('--format <format>', 'input format')
        .choices(['auto', 'csv', 'orlib', 'json'])
        .default('auto'),
    )
    .option('--maximize', 'maximise the total instead of minimising it')
    .addOption(
      new Option('--engine <engine>', 'where the program runs')
        .choices(['native', 'transformer', 'reference', 'evaluator'])
        .default('native'),
    )
    .addOption(attentionOption())
    .addOption(maxTokensOption())
    .option('--account', "print the program's step-by-step account before the result")
    .option('--json', 'print the result as one JSON object on the last line')
    .action(async (file: string, flags: SolveFlags, command: Command) => {
      checkAttention(command, flags.engine);
      const text = file === '-' ? readFileSync(0, 'utf8') : readInputFile(file).toString('utf8');
      const problem = parseProblem(text, flags.format, { maximize: flags.maximize === true });
      const line = flags.engine === 'native' ? null : progressLine(program);
      const result = await solveAssignment(problem, {
        engine: flags.engine,
        attention: flags.attention,
        ...(flags.maxTokens !== undefined && { maxTokens: flags.maxTokens }),
        ...(line !== null && { onProgress: (counts) => line.update(counts) }),
      });
      line?.clear();
      if (flags.account) writeOut(program, withNewline(result.output));
      const report = flags.json
        ? `${JSON.stringify(summary(result))}\n`
        : readable(problem, result);
      writeOut(program, report);
      if (!result.verified) process.exitCode = 1;
    });
}

/** The fields of the --json line. */
function summary(result: AssignmentResult): Record<string, unknown> {
  const { n, m, cost, assignment, feasible, verified, seconds, engine } = result;
  const { status, message } = result.verdict;
  // the native engine generates no tokens and counts no steps: there is nothing to report
  const counted = engine !== 'native';
  return {
    n,
    m,
    cost,
    assignment,
    feasible,
    verified,
    verdict: status,
    message,
    tokens: counted ? result.tokens : null,
    steps: counted ? result.steps : null,
    seconds,
    engine,
    end: result.end,
    ...(engine === 'transformer' && {
      attention: result.attention,
      minMargin: result.minMargin,
      marginOk: result.marginOk,
    }),
  };
}

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/**
 * The matching for people: one line per row, the total and the verdict, the run's figures and
 * a warning when its margin check failed.
 */
export function readable(problem: AssignmentProblem, result: AssignmentResult): string {
  const lines = [`${result.n}×${result.m} problem on the ${result.engine} engine`];
  // a run that did not finish has no answer to check: its verdict says why it stopped
  if (result.feasible === null) lines.push(`incomplete: ${result.verdict.message}`);
  else {
    if (result.feasible) lines.push(...matching(problem, result));
    else lines.push('infeasible: no assignment avoids the forbidden pairs');
    lines.push(`check: ${result.verified ? 'passed' : 'FAILED'} (${result.verdict.message})`);
  }
  lines.push(runStats(result));
  const warning = marginWarning(result);
  if (warning !== null) lines.push(warning);
  return `${lines.join('\n')}\n`;
}

/** Tokens, steps and speed of a traced run; the native engine has only its time. */
function runStats(result: AssignmentResult): string {
  const seconds = `${result.seconds.toFixed(3)} s`;
  if (result.engine === 'native') return `${seconds} on Node's WebAssembly`;
  const rate = result.seconds > 0 ? `, ${Math.round(result.tokens / result.seconds)} tokens/s` : '';
  return `${result.tokens} tokens, ${result.steps} steps, ${seconds}${rate}`;
}

/** One line per row (its column and cost), then the total. */
function matching(problem: AssignmentProblem, result: AssignmentResult): string[] {
  const costs = problemRows(problem);
  const lines = result.assignment.map((column, row) =>
    column < 0
      ? `row ${row + 1} unassigned`
      : `row ${row + 1} -> column ${column + 1}, cost ${costs[row][column]}`,
  );
  return [...lines, `total cost ${result.cost}`];
}
