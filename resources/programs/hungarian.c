/* Minimum-cost assignment by the Hungarian method (shortest augmenting paths with dual
 * potentials, O(n^2 m)). Reads a problem, prints a step-by-step account of the search, then
 * the matching and its total.
 *
 * Input (the TypeScript layer writes it; see docs/assignment.md):
 *   n m            rows and columns, 0 <= n <= m <= MAX_SIDE
 *   n*m cells      row by row, separated by white space; each is an integer in
 *                  [-2147483647, 2147483647] or x for a forbidden pair
 *
 * Output: an account of each row's search, then
 *   result
 *   row I col J cost C      (1-based, one line per row)
 *   total T
 * or, when no assignment avoids the forbidden pairs, `result` then `infeasible`.
 * Bad input prints `error: ...` and stops.
 *
 * Method. Rows are added one at a time. Column 0 is a virtual column holding the new row.
 * Potentials u (rows) and v (columns) keep every reduced cost c[i][j] - u[i] - v[j] >= 0 on
 * allowed pairs and = 0 on matched pairs. From the new row a Dijkstra search over reduced
 * costs grows a tree of rows and columns: each step adds the nearest unvisited column (the
 * duals of the tree rise by the distance gained) and, through the row matched to it, relaxes
 * the distances of the others. On reaching a free column the potentials are settled, so the
 * tree path becomes tight, and the alternating path is flipped back to the new row.
 * Sums are 64-bit: potentials and distances are sums and differences of a few times n costs,
 * each below 2^31 in magnitude, so with n <= 500 they stay far from overflow.
 */
#include <stdarg.h>
#include <stdio.h>

#define MAX_SIDE 500

/* Marks a forbidden pair in cost[]. Accepted costs never reach it (|c| <= 2^31 - 1). */
#define FORBIDDEN (-2147483647 - 1)

/* Farther than any reachable column (distances stay below 2^44 in magnitude). */
#define UNREACHED (1LL << 62)

static int n, m;                       /* rows, columns */
static int cost[MAX_SIDE * MAX_SIDE];  /* row-major, 0-based cells */
static long long u[MAX_SIDE + 1];      /* row potentials, 1-based */
static long long v[MAX_SIDE + 1];      /* column potentials; v[0] is the virtual column */
static long long dist[MAX_SIDE + 1];   /* reduced distance from the new row to each column */
static int owner[MAX_SIDE + 1];        /* row matched to each column, 0 = free */
static int prev[MAX_SIDE + 1];         /* column before each column on its tree path */
static char seen[MAX_SIDE + 1];        /* column is in the tree */

/* Prints a non-negative number below 2^32 with putchar, most significant digit first. */
static void put_digits(unsigned int x) {
  char digits[10];
  int k = 0;
  do digits[k++] = (char)('0' + x % 10), x /= 10;
  while (x);
  while (k) putchar(digits[--k]);
}

/* Prints a long long: the sign (or + if `plus`), then the digits. */
static void put_number(long long x, int plus) {
  if (x < 0) putchar('-');
  else if (plus) putchar('+');
  unsigned long long magnitude = x < 0 ? 0 - (unsigned long long)x : (unsigned long long)x;
  if (magnitude >> 32) printf("%llu", magnitude);
  else put_digits((unsigned int)magnitude);
}

/* Prints the account: literal text, %d (int), %D (long long) and %+D (with a sign). Every
 * step of the machine lengthens the trace, and the libc's printf spends about 250 steps per
 * number on flags and widths this program never uses; here a 3-digit number costs about 70. */
static void say(const char *format, ...) {
  va_list args;
  va_start(args, format);
  for (const char *f = format; *f; f++) {
    if (*f != '%') {
      putchar(*f);
    } else if (*++f == 'd') {
      int x = va_arg(args, int);
      if (x < 0) putchar('-');
      put_digits(x < 0 ? 0u - (unsigned int)x : (unsigned int)x);
    } else {
      int plus = *f == '+';
      f += plus;
      put_number(va_arg(args, long long), plus);
    }
  }
  va_end(args);
}

/* Reads an integer or `x`. Returns 1 for a number, 0 for `x`, -1 for anything else. */
static int read_cell(int *value) {
  int ch = getchar();
  while (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') ch = getchar();
  if (ch == 'x') return 0;
  int negative = ch == '-';
  if (negative) ch = getchar();
  if (ch < '0' || ch > '9') return -1;
  unsigned int x = 0;
  while (ch >= '0' && ch <= '9') {
    if (x > 214748364 || (x == 214748364 && ch > '7')) return -1;
    x = x * 10 + (unsigned int)(ch - '0');
    ch = getchar();
  }
  *value = negative ? -(int)x : (int)x;
  return 1;
}

/* Reads the whole problem into n, m and cost[]. Returns 0 on success. */
static int read_problem(void) {
  if (read_cell(&n) != 1 || read_cell(&m) != 1) return printf("error: expected n m\n"), 1;
  if (n < 0 || n > m || m > MAX_SIDE)
    return printf("error: need 0 <= n <= m <= %d, got %d %d\n", MAX_SIDE, n, m), 1;
  for (int k = 0; k < n * m; k++) {
    int kind = read_cell(&cost[k]);
    if (kind < 0) return printf("error: bad cell %d,%d\n", k / m + 1, k % m + 1), 1;
    if (kind == 0) cost[k] = FORBIDDEN;
  }
  return 0;
}

/* Grows a shortest-path tree from the virtual column 0, which holds the new row, until it
 * reaches a free column, and returns that column (0 if no free column is reachable).
 * dist[j] is the reduced distance at which column j is reached, measured with the potentials
 * of the search's start; they are raised once, at the end, by what each tree member missed. */
static int search(int row) {
  for (int j = 0; j <= m; j++) dist[j] = UNREACHED, seen[j] = 0;
  owner[0] = row;
  dist[0] = 0;
  long long reached = 0; /* distance of the newest tree column */
  int col = 0;
  do {
    /* Relax the allowed pairs of the row that owns the newest tree column. */
    seen[col] = 1;
    int from = owner[col];
    const int *c = &cost[(from - 1) * m]; /* c[j - 1] = cost of (from, j) */
    long long base = reached - u[from];
    long long best = UNREACHED;
    int next = 0;
    for (int j = 1; j <= m; j++) {
      if (seen[j]) continue;
      if (c[j - 1] != FORBIDDEN) {
        long long d = base + c[j - 1] - v[j];
        if (d < dist[j]) dist[j] = d, prev[j] = col;
      }
      if (dist[j] < best) best = dist[j], next = j;
    }
    if (!next) return 0;

    /* The nearest column joins the tree: the duals rise by the distance gained. */
    say(" r%d %+D > c%d", owner[prev[next]], best - reached, next);
    if (owner[next]) say(" (r%d)\n", owner[next]);
    else say(" free\n");
    reached = best;
    col = next;
  } while (owner[col]);

  /* Raise each tree row and lower each tree column by the rise since it joined: reduced
   * costs stay >= 0, tree pairs stay tight, and the path to `col` becomes tight. */
  for (int j = 0; j <= m; j++) {
    if (!seen[j]) continue;
    u[owner[j]] += reached - dist[j];
    v[j] -= reached - dist[j];
  }
  return col;
}

/* Flips the tree path ending at free column `col`; returns the change in total cost. */
static long long augment(int col) {
  long long change = 0;
  say(" path");
  while (col) {
    int back = prev[col];
    int row = owner[back];
    if (owner[col]) change -= cost[(owner[col] - 1) * m + col - 1];
    change += cost[(row - 1) * m + col - 1];
    owner[col] = row;
    say(" r%d>c%d", row, col);
    col = back;
  }
  say("\n");
  return change;
}

static void print_result(long long total) {
  int column_of[MAX_SIDE + 1];
  for (int j = 1; j <= m; j++)
    if (owner[j]) column_of[owner[j]] = j;
  say("result\n");
  for (int i = 1; i <= n; i++) {
    int j = column_of[i];
    say("row %d col %d cost %d\n", i, j, cost[(i - 1) * m + j - 1]);
  }
  say("total %D\n", total);
}

int main(void) {
  if (read_problem()) return 1;
  say("Hungarian method, %d rows, %d columns\n", n, m);
  say("rX +d > cY: raise the duals by d; row X reaches column Y\n");
  long long total = 0;
  for (int i = 1; i <= n; i++) {
    say("row %d\n", i);
    int col = search(i);
    if (!col) {
      say(" no free column reachable\nresult\ninfeasible\n");
      return 0;
    }
    total += augment(col);
    say(" total %D\n", total);
  }
  print_result(total);
  return 0;
}
