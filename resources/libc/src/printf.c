/* printf and friends: %d %i %u %o %x %X %c %s %p %%, the length modifiers l, ll, h, hh, z, a
 * width (digits or *), a precision (digits or *) and the flags '-', '0', '+' and ' '.
 * There is no floating point. A conversion it does not know (%f, %n, %jd, the flag '#' ...)
 * prints '%' and the character where it stopped, then the rest as text (%#x prints "%#x"),
 * and takes no argument. 64-bit numbers are printed with 32-bit operations only (the machine
 * divides 32-bit numbers): see digits(). */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Where formatted text goes: the machine's output (buf == NULL) or a buffer of `cap` bytes.
 * Passed as scalars and the running length returned, so that once inlined they all stay in
 * registers: a character printed costs no memory access besides its own. */
static size_t put(char *buf, size_t cap, size_t len, char c) {
  if (buf == NULL) putchar(c);
  else if (len + 1 < cap) buf[len] = c;
  return len + 1;
}

static size_t pad(char *buf, size_t cap, size_t len, char c, int n) {
  for (; n > 0; n--) len = put(buf, cap, len, c);
  return len;
}

/* Writes the digits of the 64-bit number hi:lo in base 8, 10 or 16 so that they end just
 * before `end`, and returns how many there are. While hi is not zero, one digit is split off:
 * in base 8 or 16 by shifting hi:lo right by 3 or 4 bits; in base 10 by long division of
 * hi:lo by 10 in 16-bit pieces, each step a 32-bit division of a remainder (< 10) times 2^16
 * plus the next piece. */
static int digits(char *end, unsigned hi, unsigned lo, unsigned base, const char *set) {
  char *p = end;
  while (hi != 0) {
    unsigned r;
    if (base != 10) {
      unsigned bits = base == 16 ? 4 : 3;
      r = lo & (base - 1);
      lo = (lo >> bits) | (hi << (32 - bits));
      hi >>= bits;
    } else {
      unsigned qhi = hi / 10, t = ((hi % 10) << 16) | (lo >> 16);
      unsigned q1 = t / 10;
      t = ((t % 10) << 16) | (lo & 0xffff);
      r = t % 10;
      hi = qhi;
      lo = (q1 << 16) | (t / 10);
    }
    *--p = set[r];
  }
  do {
    *--p = set[lo % base];
    lo /= base;
  } while (lo != 0);
  return (int)(end - p);
}

static int read_number(const char **f, va_list *ap) {
  if (**f == '*') {
    (*f)++;
    return va_arg(*ap, int);
  }
  int n = 0;
  for (; (unsigned)**f - '0' < 10; (*f)++) n = n * 10 + (**f - '0');
  return n;
}

/* One conversion's text: a sign (or 0), then `n` characters at `str`. */
struct field {
  char sign;
  const char *str;
  int n;
  int is_number;
};

/* Reads the argument of an integer conversion as the 64-bit number hi:lo. */
static void integer(struct field *out, char conv, int longs, va_list *ap, char *end, int plus) {
  unsigned hi = 0, lo;
  if (longs >= 2) {
    unsigned long long v = va_arg(*ap, unsigned long long);
    if ((conv == 'd' || conv == 'i') && (long long)v < 0) {
      out->sign = '-';
      v = 0 - v;
    }
    lo = (unsigned)v;
    hi = (unsigned)(v >> 32);
  } else {
    lo = va_arg(*ap, unsigned);
    if ((conv == 'd' || conv == 'i') && (int)lo < 0) {
      out->sign = '-';
      lo = 0 - lo;
    }
  }
  if (out->sign == 0 && (conv == 'd' || conv == 'i')) out->sign = (char)plus;
  unsigned base = conv == 'x' || conv == 'X' || conv == 'p' ? 16 : conv == 'o' ? 8 : 10;
  const char *set = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  out->n = digits(end, hi, lo, base, set);
  out->str = end - out->n;
  out->is_number = 1;
}

static size_t emit(char *buf, size_t cap, size_t len, const struct field *f, int width, int prec,
                   int left, int zero) {
  int zeros = f->is_number && prec > f->n ? prec - f->n : 0;
  int fill = width - f->n - zeros - (f->sign != 0);
  if (!left && !(zero && prec < 0)) len = pad(buf, cap, len, ' ', fill);
  if (f->sign != 0) len = put(buf, cap, len, f->sign);
  if (!left && zero && prec < 0) len = pad(buf, cap, len, '0', fill);
  len = pad(buf, cap, len, '0', zeros);
  for (int i = 0; i < f->n; i++) len = put(buf, cap, len, f->str[i]);
  if (left) len = pad(buf, cap, len, ' ', fill);
  return len;
}

/* Formats into buf (or the output); returns the length of the whole text. */
static size_t format(char *out, size_t cap, const char *f, va_list ap) {
  char buf[24]; /* the longest number: 22 octal digits of 64 bits */
  size_t len = 0;
  for (; *f != 0; f++) {
    if (*f != '%') {
      len = put(out, cap, len, *f);
      continue;
    }
    int left = 0, zero = 0, plus = 0;
    for (f++;; f++) {
      if (*f == '-') left = 1;
      else if (*f == '0') zero = 1;
      else if (*f == '+') plus = '+';
      else if (*f == ' ') plus = plus ? plus : ' ';
      else break;
    }
    int width = read_number(&f, &ap);
    if (width < 0) left = 1, width = -width;
    int prec = -1;
    if (*f == '.') {
      f++;
      prec = read_number(&f, &ap);
    }
    int longs = 0;
    for (; *f == 'l' || *f == 'h' || *f == 'z'; f++) longs += *f == 'l';
    char conv = *f;
    if (conv == 0) break;
    struct field field = {0, buf, 1, 0};
    if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'o' || conv == 'x' || conv == 'X') {
      integer(&field, conv, longs, &ap, buf + sizeof buf, plus);
    } else if (conv == 'p') {
      integer(&field, conv, 0, &ap, buf + sizeof buf, 0);
      len = put(out, cap, put(out, cap, len, '0'), 'x');
    } else if (conv == 'c') {
      buf[0] = (char)va_arg(ap, int);
    } else if (conv == 's') {
      field.str = va_arg(ap, const char *);
      if (field.str == NULL) field.str = "(null)";
      for (field.n = 0; field.str[field.n] != 0 && (prec < 0 || field.n < prec);) field.n++;
    } else {
      /* %% prints '%'; an unknown conversion prints '%' and its character, so that the
       * output shows it (the '%' as the field's sign costs fewer instructions than a second
       * character in buf) */
      buf[0] = conv;
      field.sign = conv == '%' ? 0 : '%';
    }
    len = emit(out, cap, len, &field, width, prec, left, zero);
  }
  return len;
}

int vsnprintf(char *out, size_t size, const char *f, va_list ap) {
  char none[1];
  if (out == NULL) out = none, size = 0;
  size_t len = format(out, size, f, ap);
  if (size > 0) out[len < size ? len : size - 1] = 0;
  return (int)len;
}

int snprintf(char *out, size_t size, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(out, size, f, ap);
  va_end(ap);
  return n;
}

int sprintf(char *out, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(out, (size_t)-1, f, ap);
  va_end(ap);
  return n;
}

int vprintf(const char *f, va_list ap) { return (int)format(NULL, 0, f, ap); }

int printf(const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vprintf(f, ap);
  va_end(ap);
  return n;
}

int puts(const char *s) {
  for (; *s != 0; s++) putchar(*s);
  putchar('\n');
  return 0;
}
