// Sample inputs for the example programs in resources/programs, by file name. The differential
// tests run every example on each of its inputs; an example without an entry runs on empty
// input. Each list has the program's ordinary use, its edge cases (empty input, one
// character, limits) and its error paths. The 10x10 matrix is the one from Percepta's
// Hungarian demo (minimum cost 206).

export interface ExampleInput {
  name: string;
  input: string;
}

const BLOG10 = `10 10
61 58 35 86 32 39 41 27 21 42
59 77 97 99 78 21 89 72 35 63
88 85 37 57 59 97 37 29 69 94
32 82 53 20 77 96 21 70 50 61
15 44 81 10 64 36 56 78 20 69
76 35 87 69 16 55 26 37 30 66
86 32 74 94 32 14 24 12 31 70
97 63 20 64 90 21 28 49 89 10
58 52 27 76 61 35 17 91 37 66
42 79 61 26 55 98 70 17 26 86
`;

/** 300 integers from a fixed linear congruential sequence, spread over the whole int range. */
const NUMBERS = Array.from({ length: 300 }, (_, i) => (Math.imul(i + 1, 2654435761) | 0) >> 3).join(
  ' ',
);

const EMPTY: ExampleInput = { name: 'empty input', input: '' };

export const EXAMPLE_INPUTS: Readonly<Record<string, readonly ExampleInput[]>> = {
  'bignum_add.c': [
    { name: 'small numbers', input: '123 456\n' },
    { name: 'a carry through every digit', input: '99999999999999999999 1' },
    { name: 'zeros', input: '0 0' },
    { name: '120 digits', input: `${'9876543210'.repeat(12)}\n${'1234567890'.repeat(12)}` },
    EMPTY,
  ],
  'collatz.c': [EMPTY, { name: '1', input: '1' }, { name: '27', input: '27\n' }],
  'crc32.c': [
    { name: 'the check string', input: '123456789' },
    { name: 'one byte', input: 'a' },
    {
      // Code points, encoded as UTF-8 like every input: 384 bytes, all of them in
      // 0x00..0xBF except the lead bytes 0xC2 and 0xC3.
      name: 'U+0000-U+00FF as UTF-8',
      input: String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
    },
    EMPTY,
  ],
  'fibonacci.c': [
    EMPTY,
    { name: '0', input: '0' },
    { name: '93, the last that fits', input: '93' },
    { name: 'too many', input: '94' },
    { name: 'negative', input: '-5' },
  ],
  'hello.c': [
    { name: 'a name', input: 'Ada\nLovelace\n' },
    { name: 'one character', input: 'x' },
    { name: 'a name longer than the buffer', input: 'n'.repeat(100) },
    EMPTY,
  ],
  'quicksort.c': [
    { name: 'a few numbers', input: '5 3 9 1 3' },
    { name: 'int limits', input: '-2147483648 2147483647 0 -1 1' },
    { name: '300 numbers', input: NUMBERS },
    { name: 'one number', input: '7' },
    EMPTY,
  ],
  'sieve.c': [
    EMPTY,
    { name: '2', input: '2' },
    { name: '1', input: '1' },
    { name: '10000', input: '10000' },
  ],
  'sudoku.c': [
    EMPTY,
    {
      name: 'another puzzle',
      input: '..3.2.6..9..3.5..1..18.64....81.29..7.......8..67.82....26.95..8..2.3..9..5.1.3..',
    },
    { name: 'conflicting givens', input: '11' + '.'.repeat(79) },
  ],
  'hungarian.c': [
    { name: '3x3', input: '3 3\n5 9 1\n10 3 2\n8 7 4\n' },
    { name: 'blog 10x10', input: BLOG10 },
    { name: 'rectangular with forbidden pairs', input: '2 3\n4 x 1\nx 2 7\n' },
    { name: 'infeasible', input: '2 2\nx x\n1 2\n' },
    { name: 'int32 limits', input: '2 2\n2147483647 -2147483647\n-2147483647 2147483647\n' },
    { name: 'empty problem', input: '0 0\n' },
    { name: 'bad cell', input: '2 2\n1 2\n3 y\n' },
    { name: 'empty input', input: '' },
    { name: 'one character', input: '1' },
  ],
};
