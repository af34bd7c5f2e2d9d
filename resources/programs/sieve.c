/* The primes up to n (read from the input; 100 when there is none, at most 1000000) by the
 * sieve of Eratosthenes. Prints how many there are, then the primes. */
#include <stdio.h>

#define MAX_N 1000000

static unsigned char composite[MAX_N + 1];

int main(void) {
  int n;
  if (scanf("%d", &n) != 1) n = 100;
  if (n < 0 || n > MAX_N) {
    printf("n must be in 0..%d, got %d\n", MAX_N, n);
    return 1;
  }
  int count = 0;
  for (int i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    for (int j = i * 2; j <= n; j += i) composite[j] = 1;
  }
  printf("%d primes up to %d:", count, n);
  for (int i = 2; i <= n; i++) {
    if (!composite[i]) printf(" %d", i);
  }
  putchar('\n');
  return 0;
}
