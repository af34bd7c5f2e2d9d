/* A first-fit heap over the memory above the stack: from __heap_base (placed by wasm-ld after
 * the stack) to the top of the fixed 2 MiB memory. Blocks lie back to back from the start of
 * the heap to `brk`; each starts with a header giving its size (header included) and whether
 * it is free. free() merges a block with the free blocks after it. Searching is linear in the
 * number of blocks, which suits the small programs this machine runs. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MEMORY_END (2u * 1024 * 1024)
#define HEADER sizeof(struct header)

struct header {
  size_t size; /* bytes, header included, a multiple of 8 */
  size_t free; /* 1 if the block is free */
};

extern unsigned char __heap_base;
static unsigned char *brk;

static unsigned char *heap_start(void) {
  return (unsigned char *)(((size_t)&__heap_base + 7) & ~(size_t)7);
}

static struct header *next_block(struct header *h) {
  return (struct header *)((unsigned char *)h + h->size);
}

/* Joins h with the free blocks that follow it; pulls brk down if h is the last block. */
static void merge_following(struct header *h) {
  struct header *n = next_block(h);
  while ((unsigned char *)n < brk && n->free) {
    h->size += n->size;
    n = next_block(h);
  }
  if ((unsigned char *)n == brk && h->free) brk = (unsigned char *)h;
}

/* Splits a block so that it is exactly `size` bytes, if the rest can hold a block. */
static void split(struct header *h, size_t size) {
  if (h->size - size < HEADER + 8) return;
  struct header *rest = (struct header *)((unsigned char *)h + size);
  rest->size = h->size - size;
  rest->free = 1;
  h->size = size;
}

void *malloc(size_t n) {
  if (brk == NULL) brk = heap_start();
  if (n > MEMORY_END) return NULL;
  size_t size = (n + HEADER + 7) & ~(size_t)7;
  for (struct header *h = (struct header *)heap_start(); (unsigned char *)h < brk;
       h = next_block(h)) {
    if (h->free && h->size >= size) {
      split(h, size);
      h->free = 0;
      return h + 1;
    }
  }
  if ((size_t)brk + size > MEMORY_END) return NULL;
  struct header *h = (struct header *)brk;
  h->size = size;
  h->free = 0;
  brk += size;
  return h + 1;
}

void free(void *block) {
  if (block == NULL) return;
  struct header *h = (struct header *)block - 1;
  h->free = 1;
  merge_following(h);
}

void *calloc(size_t count, size_t size) {
  /* Tested before multiplying: count * size wraps in 32 bits (2^30 times 8 is 0). */
  if (size != 0 && count > MEMORY_END / size) return NULL;
  void *block = malloc(count * size);
  if (block != NULL) memset(block, 0, count * size);
  return block;
}

void *realloc(void *block, size_t n) {
  if (block == NULL) return malloc(n);
  if (n == 0) {
    free(block);
    return NULL;
  }
  /* Refused before rounding: n + HEADER + 7 wraps for n near 4 GiB. */
  if (n > MEMORY_END) return NULL;
  struct header *h = (struct header *)block - 1;
  size_t size = (n + HEADER + 7) & ~(size_t)7;
  if (h->size >= size) return block;
  void *moved = malloc(n);
  if (moved == NULL) return NULL;
  memcpy(moved, block, h->size - HEADER);
  free(block);
  return moved;
}
