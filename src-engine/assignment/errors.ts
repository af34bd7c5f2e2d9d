// Typed refusals of the assignment layer. Each carries a stable code, the cell it concerns
// (1-based row and column, null where the problem is not one cell) and a message that says
// what was found and what to do. Library code throws these; only the CLI prints them.

export type AssignmentErrorCode =
  | 'INPUT_EMPTY' // no cells at all in a text format
  | 'INPUT_JSON' // not valid JSON, or not an array of rows
  | 'INPUT_ORLIB' // OR-Library layout: wrong count of costs after n
  | 'CELL_NOT_A_NUMBER' // a cell that is neither a number nor a forbidden-pair marker
  | 'CELL_NAN' // NaN
  | 'CELL_NEGATIVE_INFINITY' // -inf: not a cost and not a forbidden pair
  | 'CELL_TOO_LARGE' // magnitude beyond what the program holds exactly
  | 'CELL_TOO_PRECISE' // decimals that cannot be scaled to exact integers in range
  | 'MATRIX_RAGGED' // rows of different lengths
  | 'MATRIX_TOO_LARGE' // more rows or columns than the program's limit
  | 'PROGRAM_OUTPUT'; // the program's printed answer could not be read

export class AssignmentError extends Error {
  readonly code: AssignmentErrorCode;
  /** 1-based row of the offending cell, or null */
  readonly row: number | null;
  /** 1-based column of the offending cell, or null */
  readonly column: number | null;

  constructor(code: AssignmentErrorCode, message: string, row?: number, column?: number) {
    super(row === undefined ? message : `${where(row, column)}: ${message}`);
    this.name = 'AssignmentError';
    this.code = code;
    this.row = row ?? null;
    this.column = column ?? null;
  }
}

function where(row: number, column: number | undefined): string {
  return column === undefined ? `row ${row}` : `row ${row}, column ${column}`;
}
