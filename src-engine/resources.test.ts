import { afterEach, describe, expect, it } from 'vitest';
import { resourcePath, resourcesProblem } from './resources.ts';

const saved = process.env['INWEIGHTS_RESOURCES'];
afterEach(() => {
  if (saved === undefined) delete process.env['INWEIGHTS_RESOURCES'];
  else process.env['INWEIGHTS_RESOURCES'] = saved;
});

describe('the resources folder', () => {
  it('is the source tree when INWEIGHTS_RESOURCES is empty, as when it is unset', () => {
    delete process.env['INWEIGHTS_RESOURCES'];
    const unset = resourcePath('model');
    process.env['INWEIGHTS_RESOURCES'] = '';
    expect(resourcesProblem()).toBeNull();
    expect(resourcePath('model')).toBe(unset);
  });

  it('is refused, naming the variable, when INWEIGHTS_RESOURCES names no folder', () => {
    process.env['INWEIGHTS_RESOURCES'] = '/no/such/resources';
    expect(resourcesProblem()).toMatch(/^INWEIGHTS_RESOURCES is \/no\/such\/resources, which/);
  });
});
