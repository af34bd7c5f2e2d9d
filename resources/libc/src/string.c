/* Byte and string functions. Each is marked no_builtin so that Clang does not recognise its
 * loop as the function itself and compile it into a call of itself. Copies and fills move
 * whole words when the pointers and the length allow it: a word costs the machine one load
 * and one store, the same as a byte. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NO_BUILTIN __attribute__((no_builtin))

static int words_aligned(const void *a, const void *b, size_t n) {
  return (((uintptr_t)a | (uintptr_t)b | n) & 3) == 0;
}

NO_BUILTIN void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  if (words_aligned(dst, src, n)) {
    uint32_t *d = dst;
    const uint32_t *s = src;
    for (size_t i = 0; i < n / 4; i++) d[i] = s[i];
    return dst;
  }
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (size_t i = 0; i < n; i++) d[i] = s[i];
  return dst;
}

NO_BUILTIN void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d <= s || d >= s + n) return memcpy(dst, src, n);
  while (n > 0) {
    n--;
    d[n] = s[n];
  }
  return dst;
}

NO_BUILTIN void *memset(void *dst, int c, size_t n) {
  if (words_aligned(dst, dst, n)) {
    uint32_t word = (unsigned char)c * 0x01010101u;
    uint32_t *d = dst;
    for (size_t i = 0; i < n / 4; i++) d[i] = word;
    return dst;
  }
  unsigned char *d = dst;
  for (size_t i = 0; i < n; i++) d[i] = (unsigned char)c;
  return dst;
}

NO_BUILTIN int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != y[i]) return x[i] - y[i];
  }
  return 0;
}

NO_BUILTIN size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n] != 0) n++;
  return n;
}

NO_BUILTIN int strcmp(const char *a, const char *b) {
  while (*a != 0 && *a == *b) a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

NO_BUILTIN int strncmp(const char *a, const char *b, size_t n) {
  for (; n > 0; n--, a++, b++) {
    if (*a != *b || *a == 0) return (unsigned char)*a - (unsigned char)*b;
  }
  return 0;
}

NO_BUILTIN char *strcpy(char *restrict dst, const char *restrict src) {
  char *d = dst;
  while ((*d++ = *src++) != 0) continue;
  return dst;
}

NO_BUILTIN char *strncpy(char *restrict dst, const char *restrict src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i] != 0; i++) dst[i] = src[i];
  for (; i < n; i++) dst[i] = 0;
  return dst;
}

NO_BUILTIN char *strcat(char *restrict dst, const char *restrict src) {
  strcpy(dst + strlen(dst), src);
  return dst;
}

NO_BUILTIN char *strchr(const char *s, int c) {
  for (;; s++) {
    if (*s == (char)c) return (char *)s;
    if (*s == 0) return NULL;
  }
}

NO_BUILTIN char *strrchr(const char *s, int c) {
  const char *found = NULL;
  for (;; s++) {
    if (*s == (char)c) found = s;
    if (*s == 0) return (char *)found;
  }
}
