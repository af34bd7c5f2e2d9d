/* The CRC-32 (IEEE 802.3, as used by zip and PNG) of the input bytes, printed as eight hex
 * digits. The table of the 256 byte remainders is computed first; then each byte costs one
 * table lookup. CRC-32 of "123456789" is cbf43926. */
#include <stdio.h>

static unsigned table[256];

int main(void) {
  for (unsigned i = 0; i < 256; i++) {
    unsigned r = i;
    for (int k = 0; k < 8; k++) r = r & 1 ? (r >> 1) ^ 0xedb88320u : r >> 1;
    table[i] = r;
  }
  unsigned crc = 0xffffffffu, length = 0;
  for (int c = getchar(); c != EOF; c = getchar()) {
    crc = table[(crc ^ (unsigned)c) & 255] ^ (crc >> 8);
    length++;
  }
  printf("%08x (%u bytes)\n", crc ^ 0xffffffffu, length);
  return 0;
}
