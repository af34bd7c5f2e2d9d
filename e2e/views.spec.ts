// The three views render, are reachable by keyboard, and are saved as screenshots in both
// themes. Nothing here needs the engine.

import { expect, snapshot, test } from './fixtures.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`each view renders at 1280x800 in the ${scheme} theme`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme: scheme });
    for (const [key, name] of [
      ['1', 'Assignment'],
      ['2', 'Programs'],
      ['3', 'History'],
    ]) {
      await app.page.keyboard.press(`Alt+${key}`);
      await expect(app.page.getByRole('region', { name })).toBeVisible();
      await snapshot(app, `${name.toLowerCase()}-${scheme}`);
    }
  });
}

test('the cost grid is edited from the keyboard: arrows, typing, Enter and Tab', async ({
  app,
}) => {
  const grid = app.page.getByRole('table', { name: 'Cost matrix' });
  await grid.getByLabel('Row 1, column 1', { exact: true }).click();
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.type('42');
  await app.page.keyboard.press('Enter');
  await expect(grid.getByLabel('Row 2, column 2', { exact: true })).toHaveText('42');
  await expect(grid.getByLabel('Row 3, column 2', { exact: true })).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(grid.getByLabel('Row 3, column 3', { exact: true })).toBeFocused();
});

test('an invalid matrix is refused with a message naming the cell', async ({ app }) => {
  const grid = app.page.getByRole('table', { name: 'Cost matrix' });
  await grid.getByLabel('Row 1, column 2', { exact: true }).click();
  await app.page.keyboard.type('abc');
  await app.page.keyboard.press('Enter');
  await app.page.getByRole('button', { name: 'Solve', exact: true }).click();
  const alert = app.page.getByRole('region', { name: 'Assignment' }).getByRole('alert');
  await expect(alert).toContainText('Row 1, column 2: "abc" is not a number');
  await expect(grid.getByLabel('Row 1, column 2', { exact: true })).toHaveClass(/bad/);
  await snapshot(app, 'invalid-matrix');
});

test('a pasted spreadsheet block fills the grid from the active cell', async ({ app }) => {
  const grid = app.page.getByRole('table', { name: 'Cost matrix' });
  await grid.getByLabel('Row 1, column 1', { exact: true }).click();
  // a paste event as the browser fires it for Ctrl+V (DOM code, so given as text)
  await app.page.evaluate(`{
    const data = new DataTransfer();
    data.setData('text/plain', '1\\t2\\t3\\n4\\t5\\t6\\n7\\t8\\t9\\n');
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }`);
  await expect(grid.getByLabel('Row 3, column 3', { exact: true })).toHaveText('9');
});
