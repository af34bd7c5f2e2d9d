/* 64-bit division and remainder for the machine, whose DIV and REM take 32-bit operands. The
 * compiler lowers i64.div_s, i64.div_u, i64.rem_s and i64.rem_u to calls of the four
 * __inweights_* functions below (it finds them by their export names). When both operands
 * fit in 32 bits one machine division does the work; otherwise a shift-and-subtract loop runs
 * once per bit of the quotient (at most 64 times, as many as the operands' lengths differ).
 * Division by zero and INT64_MIN / -1 trap like WebAssembly does, by making the machine
 * divide 32-bit numbers the same way. */
typedef unsigned long long u64;
typedef long long i64;

/* Read at run time, so that Clang cannot see the division by zero or the overflow coming and
 * fold it away (dividing by zero is undefined in C; the numerators are run-time values too).
 * Both are zero-initialised (in .bss), so they add nothing to the prompt's data image. */
static volatile unsigned zero;
static volatile int zero_int;

static unsigned leading_zeros(u64 x) {
  unsigned hi = (unsigned)(x >> 32);
  return hi != 0 ? __builtin_clz(hi) : 32 + (x == 0 ? 32 : __builtin_clz((unsigned)x));
}

/* n / d and n % d for d != 0. */
static u64 divide(u64 n, u64 d, u64 *remainder) {
  if ((n >> 32) == 0 && (d >> 32) == 0) {
    *remainder = (unsigned)n % (unsigned)d;
    return (unsigned)n / (unsigned)d;
  }
  if (d > n) {
    *remainder = n;
    return 0;
  }
  unsigned shift = leading_zeros(d) - leading_zeros(n);
  u64 q = 0;
  d <<= shift;
  for (unsigned i = 0; i <= shift; i++) {
    q <<= 1;
    if (n >= d) {
      n -= d;
      q |= 1;
    }
    d >>= 1;
  }
  *remainder = n;
  return q;
}

u64 __inweights_udiv64(u64 n, u64 d) {
  u64 r;
  if (d == 0) return (unsigned)n / zero;
  return divide(n, d, &r);
}

u64 __inweights_urem64(u64 n, u64 d) {
  u64 r;
  if (d == 0) return (unsigned)n / zero;
  divide(n, d, &r);
  return r;
}

i64 __inweights_sdiv64(i64 n, i64 d) {
  u64 r;
  if (d == 0) return (unsigned)n / zero;
  if (n == (-9223372036854775807LL - 1) && d == -1) {
    return (zero_int - 2147483647 - 1) / (zero_int - 1); /* INT_MIN / -1: traps */
  }
  u64 q = divide(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, &r);
  return (n < 0) != (d < 0) ? (i64)(0 - q) : (i64)q;
}

i64 __inweights_srem64(i64 n, i64 d) {
  u64 r;
  if (d == 0) return (unsigned)n / zero;
  if (d == -1) return 0;
  divide(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, &r);
  return n < 0 ? (i64)(0 - r) : (i64)r;
}
