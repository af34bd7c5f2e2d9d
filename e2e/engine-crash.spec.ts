// The engine process dies mid-run: that run is stored as failed, the engine is restarted, and
// the next run works.

import { expect, needEngine, test } from './fixtures.ts';
import { enterMatrix, runReaches, solveWith, tokensFlow } from './helpers.ts';

test('killing the engine mid-run marks the run failed and the next run works', async ({ app }) => {
  test.setTimeout(180_000);
  await needEngine(app);
  const p = app.page;
  const view = p.getByRole('region', { name: 'Assignment' });
  await view.getByLabel('size').fill('40');
  await view.getByRole('button', { name: 'Random' }).click();
  await solveWith(app, 'transformer');
  await tokensFlow(app);
  const pid = await app.enginePid();
  process.kill(pid, 'SIGKILL');
  await runReaches(app, /failed/, 30_000);
  await expect(view.getByRole('alert')).toContainText('engine process exited');
  await expect(p.getByTestId('engine-status')).toContainText('restarted 1×', { timeout: 30_000 });
  await expect(p.getByTestId('engine-status')).toContainText('ready');

  await enterMatrix(app, '4 2 8\n4 3 7\n3 1 6\n');
  await solveWith(app, 'transformer');
  await runReaches(app, /finished/, 120_000);
  await expect(p.getByTestId('total')).toHaveText('12');
});
