/* The Collatz sequence of n (read from the input; 7 when there is none): halve an even
 * number, map an odd one to 3n + 1, until 1. Prints the sequence and the number of steps. */
#include <stdio.h>

int main(void) {
  unsigned n;
  if (scanf("%u", &n) != 1) n = 7;
  if (n == 0) {
    puts("n must be positive");
    return 1;
  }
  unsigned steps = 0;
  printf("%u", n);
  while (n != 1) {
    n = n % 2 == 0 ? n / 2 : 3 * n + 1;
    printf(" %u", n);
    steps++;
  }
  printf("\nsteps: %u\n", steps);
  return 0;
}
