// Issue 2's first journey: open the app, log in as the alpha user, see the seeded images
// listed from the real Glance; with the production nginx (CSP on) and no console errors.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance } = require('../lib/stack');
const { loginAs, watchErrors, imageNames } = require('../lib/app');

test('alice logs in and sees alpha\'s images from Glance, without console errors under the CSP', async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto('/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await expect(page).toHaveURL(/\/login\?next=/);
  await loginAs(page, 'alice');
  await expect(page).toHaveURL(/\/images$/);

  // What Glance itself says alpha owns, asked independently of the app.
  const token = await tokenFor('alice');
  const direct = await glance(token, 'GET', `/v2/images?owner=${seed.projects.alpha}&limit=100`);
  const expected = direct.json.images.map((i) => i.name).sort();
  expect(expected).toEqual(expect.arrayContaining(['alpha-cirros', 'alpha-raw-disk', 'alpha-shared-with-beta', 'alpha-public-tools', 'alpha-no-data']));

  const names = await imageNames(page);
  expect([...names].sort()).toEqual(expected);
  // A row reads as a person expects: size in human units, status badge, visibility.
  const cirros = page.getByRole('row').filter({ hasText: 'alpha-cirros' });
  await expect(cirros.locator('.status-badge')).toHaveText('Active');
  await expect(cirros.locator('.status-badge')).toHaveAttribute('data-status', 'active');
  await expect(cirros.locator('.visibility-name')).toHaveText('Private');
  await expect(cirros).toContainText(/KiB|MiB/);
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
  expect(errors).toEqual([]);
});
