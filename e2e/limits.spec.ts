// Values beyond the app's limits are refused in plain words before anything is built or sent:
// the New problem fields (size 1..MAX_SIDE, seed), an imported or pasted matrix larger than
// the solver handles, a cost out of its range, names too long or empty. Nothing throws.

import { writeFileSync } from 'node:fs';
import { MAX_SIDE } from '../src-engine/assignment/problem.ts';
import { type App, expect, needEngine, snapshot, test } from './fixtures.ts';

/** Collects the page's uncaught errors and crashes, to assert there were none. */
function pageErrors(app: App): string[] {
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  app.page.on('crash', () => errors.push('the page crashed'));
  return errors;
}

const assignment = (app: App) => app.page.getByRole('region', { name: 'Assignment' });

/** A square matrix of n rows of n costs, as CSV text. */
const squareCsv = (n: number): string =>
  `${Array(n).fill(Array(n).fill(7).join(',')).join('\n')}\n`;

test(`a size outside 1..${MAX_SIDE} is refused beside the field and builds no grid`, async ({
  app,
}) => {
  const errors = pageErrors(app);
  const view = assignment(app);
  const size = view.getByLabel('size');
  const range = `enter a whole number from 1 to ${MAX_SIDE}.`;
  for (const [typed, message] of [
    ['99999', `Size 99999 is too large: ${range}`],
    [`${MAX_SIDE + 100}`, `Size ${MAX_SIDE + 100} is too large: ${range}`],
    ['0', `Size 0 is too small: ${range}`],
    ['-3', `Size -3 is too small: ${range}`],
    ['2.5', `Size 2.5 is a fraction: ${range}`],
    ['', `Size: ${range}`],
  ]) {
    await size.fill(typed!);
    await view.getByRole('button', { name: 'Random' }).click();
    await expect(view.getByRole('alert')).toHaveText(message!);
    await expect(size).toHaveAttribute('aria-invalid', 'true');
    await expect(size).toHaveAccessibleDescription(message!);
    await expect(view.getByText('4 × 4')).toBeVisible();
  }
  await snapshot(app, 'size-refused');

  // the largest accepted size builds, and the grid cannot grow past it
  await size.fill(String(MAX_SIDE));
  await expect(view.getByRole('alert')).toHaveCount(0);
  await view.getByRole('button', { name: 'Random' }).click();
  await expect(view.getByText(`${MAX_SIDE} × ${MAX_SIDE}`)).toBeVisible();
  await expect(view.getByRole('button', { name: '+ row' })).toBeDisabled();
  await expect(view.getByRole('button', { name: '+ column' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a seed outside 0..4294967295 is refused beside the field and builds no grid', async ({
  app,
}) => {
  const errors = pageErrors(app);
  const view = assignment(app);
  await view.getByLabel('size').fill('6');
  await view.getByLabel('seed').fill('-1');
  await view.getByRole('button', { name: 'Random' }).click();
  await expect(view.getByRole('alert')).toHaveText(
    'Seed -1 is too small: enter a whole number from 0 to 4294967295.',
  );
  await expect(view.getByText('4 × 4')).toBeVisible();
  await view.getByLabel('seed').fill('4294967295');
  await view.getByRole('button', { name: 'Random' }).click();
  await expect(view.getByText('6 × 6')).toBeVisible();
  expect(errors).toEqual([]);
});

test(`an imported ${MAX_SIDE + 100}x${MAX_SIDE + 100} matrix is refused by the parser`, async ({
  app,
}) => {
  test.setTimeout(60_000);
  await needEngine(app);
  const view = assignment(app);
  const file = test.info().outputPath('too-large.csv');
  writeFileSync(file, squareCsv(MAX_SIDE + 100));
  await app.pickFile(file, () => view.getByRole('button', { name: 'Import…' }).click());
  const alert = view.getByRole('alert');
  await expect(alert).toContainText('Could not read the matrix');
  await expect(alert).toContainText(`${MAX_SIDE + 100} rows`);
  await expect(alert).toContainText(`at most ${MAX_SIDE}`);
  await expect(alert).not.toContainText('invalid argument');
  await expect(view.getByText('4 × 4')).toBeVisible();
});

test(`a paste that would grow the matrix past ${MAX_SIDE} rows is refused`, async ({ app }) => {
  const errors = pageErrors(app);
  const view = assignment(app);
  const grid = app.page.getByRole('table', { name: 'Cost matrix' });
  await grid.getByLabel('Row 1, column 1', { exact: true }).click();
  const text = '1\t2\n'.repeat(MAX_SIDE + 100);
  await app.page.evaluate(`{
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }`);
  await expect(view.getByRole('alert')).toHaveText(
    `Not pasted: the matrix would have ${MAX_SIDE + 100} rows; ` +
      `the solver handles at most ${MAX_SIDE}.`,
  );
  await expect(view.getByText('4 × 4')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a cost beyond the solver’s range is marked in the grid and starts no run', async ({
  app,
}) => {
  const view = assignment(app);
  const grid = app.page.getByRole('table', { name: 'Cost matrix' });
  await grid.getByLabel('Row 1, column 2', { exact: true }).click();
  await app.page.keyboard.type('3000000000');
  await app.page.keyboard.press('Enter');
  await view.getByRole('button', { name: 'Solve', exact: true }).click();
  await expect(view.getByRole('alert')).toContainText(
    'Row 1, column 2: 3000000000 is beyond 2147483647',
  );
  await expect(grid.getByLabel('Row 1, column 2', { exact: true })).toHaveClass(/bad/);
  await expect(view.getByTestId('run-status')).toHaveText('idle');
});

test('a row name longer than 200 characters is refused in plain words', async ({ app }) => {
  const view = assignment(app);
  await view.getByLabel('names').check();
  await view.getByLabel('Name of row 1', { exact: true }).fill('r'.repeat(201));
  await view.getByLabel('Name of row 1', { exact: true }).press('Tab');
  await view.getByRole('button', { name: 'Solve', exact: true }).click();
  await expect(view.getByRole('alert')).toHaveText(
    'The name of row 1 has 201 characters; a name can have at most 200.',
  );
  await expect(view.getByTestId('run-status')).toHaveText('idle');
});

test('a program without a name is refused in plain words', async ({ app }) => {
  const p = app.page;
  await p.keyboard.press('Alt+2');
  const view = p.getByRole('region', { name: 'Programs' });
  await view.getByRole('button', { name: 'New program' }).click();
  await view.getByLabel('Program name').fill('   ');
  await view.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.getByRole('alert')).toHaveText('Enter a name for the program.');
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(view.getByRole('alert')).toHaveText('Enter a name for the program.');
});
