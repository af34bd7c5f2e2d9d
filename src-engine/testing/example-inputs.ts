// Sample inputs for the example programs in resources/programs, by file name. The differential
// tests run every example on each of its inputs; an example without an entry runs on empty
// input. The 10x10 matrix is the one from Percepta's Hungarian demo (minimum cost 206).

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

export const EXAMPLE_INPUTS: Readonly<Record<string, readonly ExampleInput[]>> = {
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
