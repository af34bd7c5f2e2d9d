import { describe, expect, it } from 'vitest';
import { AssignmentError } from './errors.ts';
import { programInput, readProgramOutput } from './program-io.ts';
import { readProblem } from './read.ts';

describe('the input written for hungarian.c', () => {
  it('writes n m, then a line per row with x for forbidden pairs', () => {
    expect(programInput(readProblem('1 inf 3\n-4 5 6'))).toBe('2 3\n1 x 3\n-4 5 6\n');
  });

  it('transposes a tall problem so that rows never outnumber columns', () => {
    expect(programInput(readProblem('1 2\n3 4\n5 6'))).toBe('2 3\n1 3 5\n2 4 6\n');
  });

  it('negates the scaled costs to maximise', () => {
    const problem = readProblem('1.5 -2', { maximize: true });
    expect(programInput(problem)).toBe('1 2\n-15 20\n');
  });
});

describe('reading the answer hungarian.c prints', () => {
  const square = readProblem('5 9 1\n10 3 2\n8 7 4');
  const answer =
    'row 1\n path r1>c3\nresult\nrow 1 col 3 cost 1\nrow 2 col 2 cost 3\n' +
    'row 3 col 1 cost 8\ntotal 12\n';

  it('reads the column of each row and the total', () => {
    expect(readProgramOutput(answer, square)).toEqual({
      feasible: true,
      assignment: [2, 1, 0],
      total: 12,
    });
  });

  it('maps a transposed answer back to the rows as given', () => {
    const tall = readProblem('3 4\n1 1\n2 5');
    const output = 'result\nrow 1 col 3 cost 2\nrow 2 col 2 cost 1\ntotal 3\n';
    expect(readProgramOutput(output, tall).assignment).toEqual([-1, 1, 0]);
  });

  it('reads an infeasible answer', () => {
    const output = 'row 1\n no free column reachable\nresult\ninfeasible\n';
    expect(readProgramOutput(output, square)).toMatchObject({ feasible: false, total: null });
  });

  it('refuses output without a result section, such as a run cut short', () => {
    expect(() => readProgramOutput('row 1\n r1 +1 > c3', square)).toThrow(AssignmentError);
    expect(() => readProgramOutput('result\nrow 1 col 3 cost 1\n', square)).toThrow(
      /result line 2/,
    );
    expect(() => readProgramOutput('error: bad cell 1,2\n', square)).toThrow(/refused/);
  });
});
