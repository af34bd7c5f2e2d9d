/* scanf for integers (%d %i %u %x with l, ll, h, hh), characters (%c) and words (%s).
 * White space in the format skips any white space in the input; other characters must match.
 * A number ends at the first character that cannot extend it; scanf keeps that character
 * for its next call (`pending`), but getchar, being the machine's input step, does not see
 * it. Returns the number of conversions stored, or EOF if the input ended before the first. */
#include <stdarg.h>
#include <stdio.h>

/* The character after the last number, plus 2 (so that 0, the initial value, means none and
 * the variable stays out of the data image). EOF is stored as 1. */
static int pending;

static int next(void) {
  int c = pending - 2;
  if (pending == 0) return getchar();
  pending = 0;
  return c;
}

static void keep(int c) { pending = c + 2; }

static int is_space(int c) { return c == ' ' || (unsigned)c - '\t' < 5; }

static int skip_space(void) {
  int c = next();
  while (is_space(c)) c = next();
  return c;
}

static int digit_value(int c, unsigned base) {
  if ((unsigned)c - '0' < 10) return c - '0';
  if (base == 16 && ((unsigned)c | 32) - 'a' < 6) return (c | 32) - 'a' + 10;
  return -1;
}

/* Reads an optionally signed number starting with c; stores it; returns 0 if none was there. */
static int number(int c, unsigned base, int longs, va_list *ap) {
  int negative = c == '-';
  if (c == '-' || c == '+') c = next();
  int d = digit_value(c, base);
  if (d < 0) {
    keep(c);
    return 0;
  }
  if (longs >= 2) {
    unsigned long long v = 0;
    for (; d >= 0; c = next(), d = digit_value(c, base)) v = v * base + (unsigned)d;
    *va_arg(*ap, unsigned long long *) = negative ? 0 - v : v;
  } else {
    unsigned v = 0;
    for (; d >= 0; c = next(), d = digit_value(c, base)) v = v * base + (unsigned)d;
    *va_arg(*ap, unsigned *) = negative ? 0 - v : v;
  }
  keep(c);
  return 1;
}

int scanf(const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int count = 0, c = 0;
  for (; *f != 0; f++) {
    if (is_space(*f)) {
      keep(skip_space());
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      f += *f == '%';
      c = next();
      if (c != *f) {
        keep(c);
        break;
      }
      continue;
    }
    int longs = 0;
    for (f++; *f == 'l' || *f == 'h'; f++) longs += *f == 'l';
    c = *f == 'c' ? next() : skip_space();
    if (c == EOF) break;
    if (*f == 'c') {
      *va_arg(ap, char *) = (char)c;
    } else if (*f == 's') {
      char *p = va_arg(ap, char *);
      for (; c != EOF && !is_space(c); c = next()) *p++ = (char)c;
      *p = 0;
      keep(c);
    } else if (!number(c, *f == 'x' ? 16 : 10, longs, &ap)) {
      break;
    }
    count++;
  }
  va_end(ap);
  if (c == EOF) keep(EOF);
  return count == 0 && c == EOF ? EOF : count;
}
