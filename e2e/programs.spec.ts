// The program editor: a compile error is reported at its line, in the editor and the list.

import { expect, needEngine, snapshot, test } from './fixtures.ts';

const BROKEN = '#include <stdio.h>\nint main(void) {\n  int x = ;\n  return 0;\n}\n';

test('a program with a compile error shows the error at its line', async ({ app }) => {
  test.setTimeout(120_000);
  await needEngine(app);
  const p = app.page;
  await p.keyboard.press('Alt+2');
  const view = p.getByRole('region', { name: 'Programs' });
  await view.getByRole('button', { name: 'New program' }).click();
  const editor = view.locator('.cm-content');
  await editor.click();
  await p.keyboard.press('ControlOrMeta+a');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(BROKEN);
  await expect(view.locator('.cm-content')).toContainText('int x = ;');
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(view.getByRole('alert')).toContainText('Compile error at line 3', {
    timeout: 60_000,
  });
  await expect(view.getByLabel('Compile diagnostics')).toContainText('line 3');
  await expect(view.locator('.cm-lint-marker-error')).toHaveCount(1);
  await snapshot(app, 'programs-compile-error');
});
