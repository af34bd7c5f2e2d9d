// Solving assignment problems end to end: inside the transformer, natively from an imported
// OR-Library file, and cancelling a long run.

import { join } from 'node:path';
import { cases, expect, needEngine, snapshot, test } from './fixtures.ts';
import { caseText, enterMatrix, runReaches, solveWith, tokensFlow } from './helpers.ts';

test('blog10 solved inside the transformer shows cost 206, highlighted and verified', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await needEngine(app);
  await enterMatrix(app, caseText('blog10.txt'));
  await expect(
    app.page.getByRole('table', { name: 'Cost matrix' }).locator('tbody tr'),
  ).toHaveCount(10);
  await solveWith(app, 'transformer');
  await tokensFlow(app);
  await snapshot(app, 'assignment-streaming');
  await runReaches(app, /finished/, 280_000);
  await expect(app.page.getByTestId('total')).toHaveText('206');
  await expect(app.page.getByTestId('verdict')).toContainText('✓ verified');
  await expect(app.page.locator('td.chosen')).toHaveCount(10);
  await snapshot(app, 'assignment-solved');
});

test('an imported OR-Library file is solved natively: assign100 costs 305', async ({ app }) => {
  test.setTimeout(120_000);
  await needEngine(app);
  const view = app.page.getByRole('region', { name: 'Assignment' });
  await app.pickFile(join(cases, 'orlib/assign100.txt'), () =>
    view.getByRole('button', { name: 'Import…' }).click(),
  );
  await expect(view.getByText('100 × 100')).toBeVisible();
  await solveWith(app, 'native');
  await runReaches(app, /finished/, 100_000);
  await expect(app.page.getByTestId('total')).toHaveText('305');
  await expect(app.page.getByTestId('verdict')).toContainText('✓ verified');
  await expect(view.locator('td.chosen')).toHaveCount(100);
});

test('Cancel stops a run and it is saved as cancelled', async ({ app }) => {
  test.setTimeout(120_000);
  await needEngine(app);
  const view = app.page.getByRole('region', { name: 'Assignment' });
  await view.getByLabel('size').fill('40');
  await view.getByRole('button', { name: 'Random' }).click();
  await solveWith(app, 'transformer');
  await tokensFlow(app);
  await view.getByRole('button', { name: 'Cancel' }).click();
  const runId = await runReaches(app, /cancelled/, 30_000);
  await app.page.keyboard.press('Alt+3');
  const row = app.page.locator(`tr[data-run="${runId}"]`);
  await expect(row.locator('.status')).toHaveText('cancelled');
});
