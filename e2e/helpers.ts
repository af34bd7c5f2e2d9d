// Steps the specs share: entering a matrix as text, starting a solve, reading a run's id.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, cases, expect } from './fixtures.ts';

export const caseText = (name: string): string => readFileSync(join(cases, name), 'utf8');

export async function enterMatrix(app: App, text: string): Promise<void> {
  const p = app.page;
  await p.getByText('Enter as text').click();
  await p.getByLabel('Matrix as text').fill(text);
  await p.getByRole('button', { name: 'Use this matrix' }).click();
}

export async function solveWith(app: App, engine: 'transformer' | 'native'): Promise<void> {
  const view = app.page.getByRole('region', { name: 'Assignment' });
  await view.getByLabel('Engine').selectOption(engine);
  await view.getByRole('button', { name: 'Solve', exact: true }).click();
}

/** Waits until the assignment view's run reached `status`; returns its run id. */
export async function runReaches(app: App, status: RegExp, timeout = 60_000): Promise<number> {
  const badge = app.page.getByRole('region', { name: 'Assignment' }).getByTestId('run-status');
  await expect(badge).toHaveText(status, { timeout });
  return Number(/run (\d+)/.exec((await badge.textContent()) ?? '')?.[1]);
}

/** Waits until the live run in the assignment view has streamed some tokens. */
export async function tokensFlow(app: App): Promise<void> {
  const tokens = app.page.getByRole('region', { name: 'Assignment' }).getByTestId('tokens');
  await expect(tokens).not.toHaveText('0', { timeout: 60_000 });
}
