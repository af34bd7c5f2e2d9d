/* The Fibonacci numbers F(0) .. F(n), n read from the input (20 when there is none, at most
 * 93, the last that fits 64 bits). Uses 64-bit (long long) arithmetic. */
#include <stdio.h>

int main(void) {
  int n;
  if (scanf("%d", &n) != 1) n = 20;
  if (n < 0 || n > 93) {
    printf("n must be in 0..93, got %d\n", n);
    return 1;
  }
  unsigned long long a = 0, b = 1;
  for (int i = 0; i <= n; i++) {
    printf("F(%d) = %llu\n", i, a);
    unsigned long long next = a + b;
    a = b;
    b = next;
  }
  return 0;
}
