import { describe, expect, it } from 'vitest';
import { AssignmentError, type AssignmentErrorCode } from './errors.ts';
import { problemRows } from './problem.ts';
import { detectFormat, problemFromRows, readProblem, type FormatChoice } from './read.ts';
import { caseText, smallCases } from './test-cases.ts';

const rowsOf = (text: string, format: FormatChoice = 'auto') =>
  problemRows(readProblem(text, { format }));

/** Expects reading `text` to be refused with `code`, naming `where` in the message. */
function expectRefusal(
  text: string,
  code: AssignmentErrorCode,
  where: RegExp,
  format: FormatChoice = 'auto',
): AssignmentError {
  try {
    readProblem(text, { format });
  } catch (error) {
    expect(error).toBeInstanceOf(AssignmentError);
    const refusal = error as AssignmentError;
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(where);
    return refusal;
  }
  throw new Error(`expected a refusal with ${code}`);
}

describe('detecting the format', () => {
  it('takes text opening with [ or { as JSON', () => {
    expect(detectFormat(' [[1]]')).toBe('json');
    expect(detectFormat('{"matrix": [[1]]}')).toBe('json');
  });

  it('takes a lone n followed by n·n values as OR-Library', () => {
    expect(detectFormat(caseText('blog10.txt'))).toBe('orlib');
    expect(detectFormat(caseText('orlib/assign100.txt'))).toBe('orlib');
    expect(detectFormat('2\n1 2\n3 4')).toBe('orlib');
  });

  it('takes a lone n then rows of several values as OR-Library, even with costs missing', () => {
    expect(detectFormat('2\n1 2\n3')).toBe('orlib');
    const shortfall = /^row 3, column 3: missing cost \(expected n·n = 9 costs .* found 8\)/;
    expectRefusal('3\n1 2 3\n4 5 6\n7 8\n', 'INPUT_ORLIB', shortfall);
  });

  it('takes anything else as delimited rows', () => {
    expect(detectFormat('1,2\n3,4')).toBe('csv');
    expect(detectFormat('2\n1\n3')).toBe('csv');
    expect(detectFormat('5')).toBe('csv');
    expect(rowsOf('2\n1\n3')).toEqual([[2], [1], [3]]);
  });
});

describe('reading delimited rows', () => {
  it('reads commas, semicolons, tabs and white space alike', () => {
    const expected = [
      [1, 2],
      [3, 4],
    ];
    for (const text of ['1,2\n3,4\n', '1;2\r\n3;4', '1\t2\n3\t4', ' 1  2\n\n3 4 ']) {
      expect(rowsOf(text)).toEqual(expected);
    }
  });

  it('skips comment lines and unquotes quoted cells', () => {
    expect(rowsOf('# costs\n"1","2"\n3,4')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('reads inf, infinity and x as forbidden pairs', () => {
    expect(rowsOf('inf 1 Infinity\n+inf x 2')).toEqual([
      [null, 1, null],
      [null, null, 2],
    ]);
  });

  it('reads a rectangular matrix as given', () => {
    const problem = readProblem('1 2 3\n4 5 6');
    expect([problem.rows, problem.columns]).toEqual([2, 3]);
  });
});

describe('reading OR-Library files', () => {
  it('reads wrapped costs with a leading space and no final newline', () => {
    const problem = readProblem(' 3\n 1 2 3 4\n 5 6 7 8 9', { format: 'orlib' });
    expect(problemRows(problem)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('reads the 200×200 benchmark', () => {
    const problem = readProblem(caseText('orlib/assign200.txt'));
    expect([problem.rows, problem.columns]).toEqual([200, 200]);
  });
});

describe('reading JSON', () => {
  it('reads rows of numbers, with "inf" and null as forbidden pairs', () => {
    expect(rowsOf('[[1, "inf"], [null, -2.5]]')).toEqual([
      [1, null],
      [null, -2.5],
    ]);
  });

  it('reads an object with a matrix field', () => {
    expect(rowsOf('{"matrix": [[7]], "note": "x"}')).toEqual([[7]]);
  });

  it('reads an empty matrix and matrices without columns', () => {
    expect(readProblem('[]')).toMatchObject({ rows: 0, columns: 0 });
    expect(readProblem('[[], []]')).toMatchObject({ rows: 2, columns: 0 });
  });

  it('reads number literals exactly, not through float64', () => {
    expect([...readProblem('[[0.1, 0.7, 1e1]]').costs]).toEqual([1, 7, 100]);
    const rounded = /^row 1, column 1: 0\.30000000000000001: with 17 decimal places/;
    expectRefusal('[[0.30000000000000001, 1]]', 'CELL_TOO_PRECISE', rounded);
  });

  it('maximises when the object asks with "sense": "max" or "maximize": true', () => {
    expect(readProblem('{"matrix": [[1, 2], [3, 9]], "sense": "max"}').sense).toBe('max');
    expect(readProblem('{"matrix": [[1, 2], [3, 9]], "maximize": true}').sense).toBe('max');
    expect(readProblem('{"matrix": [[1]], "sense": "min", "maximize": false}').sense).toBe('min');
    expect(problemFromRows({ matrix: [[1]], sense: 'max' }).sense).toBe('max');
  });

  it('maximises when either the caller or the file asks, and neither can undo the other', () => {
    const minimising = '{"matrix": [[1]], "sense": "min"}';
    expect(readProblem(minimising, { maximize: true }).sense).toBe('max');
    expect(readProblem('{"matrix": [[1]], "sense": "max"}', { maximize: false }).sense).toBe('max');
  });

  it('reads every shared case file entry whole, with its own sense', () => {
    for (const testCase of smallCases()) {
      if (testCase.expected_optimum === 'error') continue;
      expect(readProblem(JSON.stringify(testCase)).sense, testCase.id).toBe(testCase.sense);
    }
  });

  it('refuses unknown keys, naming them, so a misspelt option is never ignored', () => {
    const refusal = expectRefusal(
      '{"matrix": [[1]], "maximise": true, "goal": "max"}',
      'INPUT_JSON',
      /^unknown keys "maximise", "goal": a matrix object takes "matrix", "sense", "maximize"/,
    );
    expect(refusal.row).toBeNull();
  });

  it('refuses a sense other than min or max, and a sense that contradicts maximize', () => {
    expectRefusal('{"matrix": [[1]], "sense": "maximum"}', 'INPUT_JSON', /"sense" must be/);
    expectRefusal('{"matrix": [[1]], "maximize": "yes"}', 'INPUT_JSON', /"maximize" must be/);
    const both = '{"matrix": [[1]], "sense": "min", "maximize": true}';
    expectRefusal(both, 'INPUT_JSON', /"sense": "min" contradicts "maximize": true/);
  });

  it('reads JavaScript rows, with Infinity as a forbidden pair', () => {
    expect(problemRows(problemFromRows([[1, Infinity]]))).toEqual([[1, null]]);
  });
});

describe('scaling decimals exactly', () => {
  it('scales every cost by the common power of ten', () => {
    const problem = readProblem('1.5 2\n0.25 -3');
    expect(problem.scale).toBe(2);
    expect([...problem.costs]).toEqual([150, 200, 25, -300]);
  });

  it('ignores trailing zeros and reads exponents', () => {
    expect(readProblem('1.500 2e2 3E-1').scale).toBe(1);
    expect([...readProblem('1.500 2e2 3E-1').costs]).toEqual([15, 2000, 3]);
  });

  it('accepts the largest magnitudes the program holds', () => {
    const problem = readProblem('2147483647 -2147483647');
    expect([...problem.costs]).toEqual([2147483647, -2147483647]);
  });

  it('keeps maximisation as a sense, not as negated costs', () => {
    const problem = readProblem('1 2', { maximize: true });
    expect(problem.sense).toBe('max');
    expect([...problem.costs]).toEqual([1, 2]);
  });
});

describe('refusing input that cannot be solved exactly', () => {
  it('refuses NaN, naming the cell', () => {
    expectRefusal('1 2\n3 NaN', 'CELL_NAN', /^row 2, column 2: NaN/);
    expectRefusal('[["nan", 0]]', 'CELL_NAN', /^row 1, column 1:/);
  });

  it('refuses negative infinity', () => {
    expectRefusal('1,-inf', 'CELL_NEGATIVE_INFINITY', /^row 1, column 2: -inf is not a cost/);
  });

  it('refuses words that are not numbers', () => {
    expectRefusal('name,cost\n1,2', 'CELL_NOT_A_NUMBER', /^row 1, column 1: .*'name'/);
    expectRefusal('[[1, "undefined"]]', 'CELL_NOT_A_NUMBER', /^row 1, column 2:/);
    expectRefusal('[[1, true]]', 'CELL_NOT_A_NUMBER', /found boolean/);
  });

  it('refuses empty cells', () => {
    expectRefusal('1,,2', 'CELL_NOT_A_NUMBER', /^row 1, column 2: .*an empty cell/);
  });

  it('refuses ragged rows, naming the missing or extra cell', () => {
    expectRefusal('1 2 3\n4 5', 'MATRIX_RAGGED', /^row 2, column 3: missing cell/);
    expectRefusal('[[1], [2, 3]]', 'MATRIX_RAGGED', /^row 2, column 2: extra cell/);
  });

  it('counts cells in the singular when a row has one', () => {
    expectRefusal('1,2,3\n4', 'MATRIX_RAGGED', /\(row 2 has 1 cell but row 1 has 3\)/);
  });

  it('refuses integers beyond 2147483647 in magnitude', () => {
    expectRefusal('1 2147483648', 'CELL_TOO_LARGE', /^row 1, column 2: 2147483648 is beyond/);
    expectRefusal('[[-3e12]]', 'CELL_TOO_LARGE', /^row 1, column 1:/);
    expectRefusal('[[1e400]]', 'CELL_TOO_LARGE', /^row 1, column 1:/);
  });

  it('refuses decimals whose common scaling leaves the exact range', () => {
    const refusal = expectRefusal('0.001 1\n2 3000000', 'CELL_TOO_PRECISE', /row 2, column 2/);
    expect(refusal.message).toMatch(/3 decimal places \(needed by row 1, column 1 \(0\.001\)\)/);
    expectRefusal('[[1e-12, 5]]', 'CELL_TOO_PRECISE', /^row 1, column 2: 5: with 12 decimal/);
  });

  it('refuses more than 500 rows or columns', () => {
    const wide = Array.from({ length: 501 }, () => '1').join(' ');
    expectRefusal(wide, 'MATRIX_TOO_LARGE', /^the matrix has 501 columns; the solver handles/);
    const tall = Array.from({ length: 501 }, () => '1').join('\n');
    expectRefusal(tall, 'MATRIX_TOO_LARGE', /^the matrix has 501 rows; the solver/, 'csv');
    expectRefusal('501', 'MATRIX_TOO_LARGE', /size 501/, 'orlib');
  });

  it('refuses OR-Library files with the wrong count of costs', () => {
    expectRefusal('2\n1 2 3', 'INPUT_ORLIB', /^row 2, column 2: missing cost/, 'orlib');
    expectRefusal('1\n1 2', 'INPUT_ORLIB', /extra values/, 'orlib');
    expectRefusal('two\n1 2 3 4', 'INPUT_ORLIB', /size n/, 'orlib');
  });

  it('refuses malformed JSON and JSON that is not rows', () => {
    expectRefusal('[[1, 2]', 'INPUT_JSON', /not valid JSON/);
    expectRefusal('{"rows": []}', 'INPUT_JSON', /array of rows/);
    expectRefusal('[[1], 2]', 'INPUT_JSON', /^row 2: expected an array of cells/);
  });

  it('refuses text without cells', () => {
    expectRefusal('', 'INPUT_EMPTY', /no cells/);
    expectRefusal('# nothing\n\n', 'INPUT_EMPTY', /no cells/);
  });
});
