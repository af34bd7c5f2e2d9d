// A finished run is stored: after a reload it is listed in History and its replay reaches the
// same final state (output and result) it had when it ran; re-executing reproduces it.

import { expect, needEngine, snapshot, test } from './fixtures.ts';
import { enterMatrix, runReaches, solveWith } from './helpers.ts';

test('a finished run appears in History after a reload and replays to the same end', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await needEngine(app);
  const p = app.page;
  await enterMatrix(app, '4 2 8\n4 3 7\n3 1 6\n');
  await solveWith(app, 'transformer');
  const runId = await runReaches(app, /finished/, 120_000);
  const view = p.getByRole('region', { name: 'Assignment' });
  const lines = await view.getByRole('tab', { name: /^Output/ }).textContent();
  const tokens = await view.getByTestId('tokens').textContent();
  await expect(p.getByTestId('total')).toHaveText('12');

  await p.reload();
  await p.keyboard.press('Alt+3');
  await p.getByRole('button', { name: `Open run ${runId}` }).click();
  const detail = p.getByRole('region', { name: 'History' });
  await expect(detail.getByTestId('total')).toHaveText('12');
  await expect(detail.getByRole('tab', { name: /^Output/ })).toHaveText(lines!);

  // replay from the start at the highest speed and arrive at the same state
  await detail.getByLabel('Replay position').fill('0');
  await expect(detail.getByTestId('tokens')).toHaveText('0');
  await detail.getByLabel('Replay speed').selectOption('1000');
  await detail.getByRole('button', { name: 'Play' }).click();
  await expect(detail.getByTestId('tokens')).toHaveText(tokens!, { timeout: 60_000 });
  await expect(detail.getByRole('tab', { name: /^Output/ })).toHaveText(lines!);
  await expect(detail.getByTestId('total')).toHaveText('12');
  await snapshot(app, 'history-replayed');

  await detail.getByRole('button', { name: 'Re-execute' }).click();
  await expect(detail.getByTestId('reproduction')).toContainText('reproduced token for token', {
    timeout: 120_000,
  });
});
