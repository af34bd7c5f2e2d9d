import { expect, test } from '@playwright/test';

test('browser mode serves the renderer titled Inweights without console errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');

  await expect(page).toHaveTitle('Inweights');
  await expect(page.getByRole('heading', { level: 1, name: 'Inweights' })).toBeVisible();
  expect(errors).toEqual([]);
});
