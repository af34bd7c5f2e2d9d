/* Process control, integer helpers and the heap of the Inweights libc. exit is the machine's
 * HALT step; the heap spans the memory between the end of the stack (__heap_base) and the top
 * of the fixed 2 MiB memory. */
#ifndef INWEIGHTS_STDLIB_H
#define INWEIGHTS_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* Stops the program. The status is not observable: the trace simply ends with a halt. */
_Noreturn void exit(int status) __attribute__((import_module("env"), import_name("exit")));
/* Stops the program with a trap (unreachable executed). */
_Noreturn void abort(void);

int abs(int x);
long labs(long x);
long long llabs(long long x);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *block, size_t size);
void free(void *block);

#endif
