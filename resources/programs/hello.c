/* Greets the name given as input (the first line), or the world when the input is empty. */
#include <stdio.h>

int main(void) {
  char name[64];
  int n = 0;
  for (int c = getchar(); c != EOF && c != '\n' && n < 63; c = getchar()) name[n++] = (char)c;
  name[n] = 0;
  printf("Hello, %s!\n", n > 0 ? name : "world");
  return 0;
}
