/* Integer helpers of stdlib.h. exit is a WebAssembly import (the machine's HALT). */
#include <stdlib.h>

_Noreturn void abort(void) { __builtin_trap(); }

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }

/* Optional blanks, an optional sign, then decimal digits; wraps around on overflow. */
long long atoll(const char *s) {
  while (*s == ' ' || (unsigned)*s - '\t' < 5) s++;
  int negative = *s == '-';
  if (*s == '-' || *s == '+') s++;
  unsigned long long v = 0;
  for (; (unsigned)*s - '0' < 10; s++) v = v * 10 + (unsigned)(*s - '0');
  return negative ? -(long long)v : (long long)v;
}

int atoi(const char *s) {
  while (*s == ' ' || (unsigned)*s - '\t' < 5) s++;
  int negative = *s == '-';
  if (*s == '-' || *s == '+') s++;
  unsigned v = 0;
  for (; (unsigned)*s - '0' < 10; s++) v = v * 10 + (unsigned)(*s - '0');
  return negative ? -(int)v : (int)v;
}

long atol(const char *s) { return atoi(s); }
