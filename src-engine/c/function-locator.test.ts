import { describe, expect, it } from 'vitest';
import { functionLocator } from './function-locator.ts';

const SOURCE = `/* scale(x) is mentioned in a comment */
#include <stdio.h>
static int scale(int x);
const char *name = "scale(";

static int helper(int a) { return scale(a) + 1; }

static int
scale(int x)
{
  return x * 2;
}

int main(void) { return helper(3); }
`;

describe('function locator', () => {
  const locate = functionLocator(SOURCE, 'prog.c');

  it('finds a definition, skipping comments, strings, declarations and calls', () => {
    expect(locate('scale')).toEqual({ file: 'prog.c', line: 9, column: 1 });
  });

  it('finds one-line definitions', () => {
    expect(locate('helper')).toEqual({ file: 'prog.c', line: 6, column: 12 });
    expect(locate('main')).toEqual({ file: 'prog.c', line: 14, column: 5 });
  });

  it('returns undefined for a function the source does not define', () => {
    expect(locate('printf')).toBeUndefined();
  });
});
