/* Solves a sudoku. The input holds the 81 cells row by row: a digit 1-9 is a given, '0' or
 * '.' an empty cell; every other character is ignored. With fewer than 81 cells in the input
 * it solves the puzzle below. Prints the solved grid, or "no solution".
 *
 * Default puzzle (from Wikipedia's Sudoku article):
 *   53..7.... 6..195... .98....6. 8...6...3 4..8.3..1 7...2...6 .6....28. ...419..5 ....8..79
 *
 * Method: depth-first search. Bit masks record the digits used in each row, column and box;
 * at each step the search fills the empty cell with the fewest candidates. */
#include <stdio.h>

static const char default_puzzle[] =
    "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79";

static int grid[81];
static unsigned rows[9], cols[9], boxes[9]; /* bit d set: digit d used */

static int box_of(int cell) { return cell / 27 * 3 + cell % 9 / 3; }

static unsigned popcount(unsigned x) {
  unsigned n = 0;
  for (; x != 0; x &= x - 1) n++;
  return n;
}

static void place(int cell, int d) {
  unsigned bit = 1u << d;
  grid[cell] = d;
  rows[cell / 9] |= bit;
  cols[cell % 9] |= bit;
  boxes[box_of(cell)] |= bit;
}

static void clear(int cell, int d) {
  unsigned bit = ~(1u << d);
  grid[cell] = 0;
  rows[cell / 9] &= bit;
  cols[cell % 9] &= bit;
  boxes[box_of(cell)] &= bit;
}

static int solve(void) {
  int best = -1;
  unsigned best_free = 0, best_count = 10;
  for (int cell = 0; cell < 81; cell++) {
    if (grid[cell] != 0) continue;
    unsigned free = ~(rows[cell / 9] | cols[cell % 9] | boxes[box_of(cell)]) & 0x3fe;
    unsigned count = popcount(free);
    if (count < best_count) {
      best = cell;
      best_free = free;
      best_count = count;
      if (count == 0) return 0;
    }
  }
  if (best < 0) return 1;
  for (int d = 1; d <= 9; d++) {
    if (!(best_free & (1u << d))) continue;
    place(best, d);
    if (solve()) return 1;
    clear(best, d);
  }
  return 0;
}

/* Reads up to 81 cells from the input; returns how many were found. */
static int read_cells(int *cells) {
  int n = 0;
  for (int c = getchar(); c != EOF && n < 81; c = getchar()) {
    if (c >= '0' && c <= '9') cells[n++] = c - '0';
    else if (c == '.') cells[n++] = 0;
  }
  return n;
}

int main(void) {
  int cells[81];
  if (read_cells(cells) < 81) {
    for (int i = 0; i < 81; i++) {
      char c = default_puzzle[i];
      cells[i] = c == '.' ? 0 : c - '0';
    }
  }
  for (int i = 0; i < 81; i++) {
    if (cells[i] == 0) continue;
    unsigned bit = 1u << cells[i];
    if ((rows[i / 9] | cols[i % 9] | boxes[box_of(i)]) & bit) {
      puts("no solution");
      return 0;
    }
    place(i, cells[i]);
  }
  if (!solve()) {
    puts("no solution");
    return 0;
  }
  for (int r = 0; r < 9; r++) {
    for (int c = 0; c < 9; c++) putchar('0' + grid[r * 9 + c]);
    putchar('\n');
  }
  return 0;
}
