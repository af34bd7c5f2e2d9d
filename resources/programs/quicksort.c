/* Sorts the integers of the input (up to 10000, separated by white space) with quicksort and
 * prints them in ascending order on one line. */
#include <stdio.h>

#define MAX_COUNT 10000

static int a[MAX_COUNT];

static void swap(int *x, int *y) {
  int t = *x;
  *x = *y;
  *y = t;
}

/* Sorts a[lo..hi] (inclusive): Hoare partition around the middle element, then recursion
 * on the smaller part and a loop on the larger, so the stack stays O(log n) deep. */
static void quicksort(int lo, int hi) {
  while (lo < hi) {
    int pivot = a[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(&a[i++], &a[j--]);
    }
    if (j - lo < hi - i) {
      quicksort(lo, j);
      lo = i;
    } else {
      quicksort(i, hi);
      hi = j;
    }
  }
}

int main(void) {
  int n = 0;
  while (n < MAX_COUNT && scanf("%d", &a[n]) == 1) n++;
  quicksort(0, n - 1);
  for (int i = 0; i < n; i++) printf(i == 0 ? "%d" : " %d", a[i]);
  putchar('\n');
  return 0;
}
