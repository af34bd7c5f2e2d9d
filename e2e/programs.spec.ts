// The program editor: a compile error is reported at its line, in the editor and the list; a
// program that halts shows its exit status, live and in History.

import { type App, expect, needEngine, snapshot, test } from './fixtures.ts';

const BROKEN = '#include <stdio.h>\nint main(void) {\n  int x = ;\n  return 0;\n}\n';
const EXITS_3 = 'int main(void) {\n  return 3;\n}\n';

/** Opens a new program in the Programs view with `source` in its editor. */
async function newProgram(app: App, source: string) {
  const p = app.page;
  await p.keyboard.press('Alt+2');
  const view = p.getByRole('region', { name: 'Programs' });
  await view.getByRole('button', { name: 'New program' }).click();
  await view.locator('.cm-content').click();
  await p.keyboard.press('ControlOrMeta+a');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(source);
  return view;
}

test('a program with a compile error shows the error at its line', async ({ app }) => {
  test.setTimeout(120_000);
  await needEngine(app);
  const view = await newProgram(app, BROKEN);
  await expect(view.locator('.cm-content')).toContainText('int x = ;');
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(view.getByRole('alert')).toContainText('Compile error at line 3', {
    timeout: 60_000,
  });
  await expect(view.getByLabel('Compile diagnostics')).toContainText('line 3');
  await expect(view.locator('.cm-lint-marker-error')).toHaveCount(1);
  await snapshot(app, 'programs-compile-error');
});

test('a program whose main returns 3 shows exit status 3, live and in History', async ({ app }) => {
  test.setTimeout(120_000);
  await needEngine(app);
  const view = await newProgram(app, EXITS_3);
  await expect(view.locator('.cm-content')).toContainText('return 3;');
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  const status = view.getByTestId('run-status');
  await expect(status).toHaveText(/finished/, { timeout: 60_000 });
  await expect(view.getByTestId('run-end')).toHaveText('halted, exit status 3');
  await snapshot(app, 'programs-exit-status');

  const runId = /run (\d+)/.exec((await status.textContent()) ?? '')?.[1];
  await app.page.keyboard.press('Alt+3');
  await app.page.getByRole('button', { name: `Open run ${runId}` }).click();
  const history = app.page.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('run-end')).toHaveText('halted, exit status 3');
  await snapshot(app, 'history-exit-status');
});
