/* Adds two non-negative decimal numbers of up to 4000 digits each, read from the input and
 * separated by white space, and prints their sum. Digits are stored least significant first
 * and added with a carry, as on paper. */
#include <stdio.h>

#define MAX_DIGITS 4000

static unsigned char x[MAX_DIGITS + 1], y[MAX_DIGITS + 1];

/* Reads one number into d (least significant digit first); returns its length, or -1. */
static int read_number(unsigned char *d) {
  char text[MAX_DIGITS];
  int c = getchar(), n = 0;
  while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = getchar();
  for (; c >= '0' && c <= '9'; c = getchar()) {
    if (n == MAX_DIGITS) return -1;
    text[n++] = (char)(c - '0');
  }
  for (int i = 0; i < n; i++) d[i] = (unsigned char)text[n - 1 - i];
  return n > 0 ? n : -1;
}

int main(void) {
  int nx = read_number(x), ny = read_number(y);
  if (nx < 0 || ny < 0) {
    printf("expected two numbers of 1 to %d digits\n", MAX_DIGITS);
    return 1;
  }
  int n = nx > ny ? nx : ny, carry = 0;
  for (int i = 0; i < n; i++) {
    int sum = x[i] + y[i] + carry;
    carry = sum >= 10;
    x[i] = (unsigned char)(carry ? sum - 10 : sum);
  }
  if (carry) x[n++] = 1;
  while (n > 1 && x[n - 1] == 0) n--;
  for (int i = n - 1; i >= 0; i--) putchar('0' + x[i]);
  putchar('\n');
  return 0;
}
