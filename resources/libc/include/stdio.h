/* Standard input and output of the Inweights libc. The machine has one input byte string and
 * one output byte string: putchar and getchar are the machine's OUT and GETCHAR steps (they
 * are WebAssembly imports that the compiler lowers to single instructions). */
#ifndef INWEIGHTS_STDIO_H
#define INWEIGHTS_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

#define INWEIGHTS_IMPORT(name) __attribute__((import_module("env"), import_name(name)))

/* Writes the byte c & 255 and returns it. */
int putchar(int c) INWEIGHTS_IMPORT("putchar");
/* Returns the next input byte (0..255), or EOF once the input is exhausted. */
int getchar(void) INWEIGHTS_IMPORT("getchar");

int puts(const char *s);
int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *format, va_list args);
int sprintf(char *out, const char *format, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *out, size_t size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *out, size_t size, const char *format, va_list args);

/* Reads integers (%d %i %u %x %ld %lld %lu %llu), characters (%c) and words (%s). scanf keeps
 * the character that ends a number for its next call; getchar does not see it. */
int scanf(const char *format, ...) __attribute__((format(scanf, 1, 2)));

#endif
