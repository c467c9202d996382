// Answers that come after request_timeout_s: the request reached Glance and was carried out,
// but the app gave up waiting. The page asks Glance what it now holds instead of saying the
// change was not made (fault injected: the real answer is held back 4 s, with a 2 s timeout).
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, madeBy } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const { configWith } = require('../lib/faults');

const { beta, gamma } = seed.projects;
const made = madeBy('alice');
test.afterAll(made.removeAll);
const aliceImage = made.image;

/** Requests matching `method` and `pattern` go to Glance at once; their answers come 4 s late. */
async function answerLate(page, method, pattern) {
  await page.route(pattern, async (route) => {
    if (route.request().method() !== method) return route.continue().catch(() => {});
    const response = await route.fetch();
    await new Promise((ok) => setTimeout(ok, 4000));
    await route.fulfill({ response }).catch(() => {});
  });
}

const memberIds = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id).sort();

test('Delete answered too late: Glance has deleted it, and the page says so and goes to the catalog', async ({ page }) => {
  const errors = watchErrors(page);
  const { id, name } = await aliceImage('e2e-late-delete');
  await configWith(page, { request_timeout_s: 2 });
  await answerLate(page, 'DELETE', `**/v2/images/${id}`);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/images$/, { timeout: 10_000 });
  await expect(page.getByTestId('notice')).toContainText(`Deleted ${name}.`);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).status).toBe(404);
  await expect(page.getByRole('link', { name })).toHaveCount(0);
  // (The page's question "is it still there?" is answered 404: the browser logs it.)
  expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
});

test('Remove member and Add members answered too late: the member list shows what Glance holds, and the outcome is said as done', async ({ page }) => {
  const { id } = await aliceImage('e2e-late-members', { visibility: 'shared' });
  expect((await glance(await tokenFor('alice'), 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  await configWith(page, { request_timeout_s: 2 });
  await answerLate(page, 'DELETE', `**/v2/images/${id}/members/*`);
  await answerLate(page, 'POST', `**/v2/images/${id}/members`);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const row = page.locator(`tr.member-row[data-member-id="${beta}"]`);
  await row.getByRole('button', { name: /^Remove/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText(/^Removed 1 project from the image e2e-late-members/)).toBeVisible({ timeout: 10_000 });
  await expect(row).toHaveCount(0);
  expect(await memberIds(id)).toEqual([]);

  await page.getByLabel(/Project IDs/).fill(gamma);
  await page.getByRole('button', { name: 'Add members', exact: true }).click();
  await expect(page.locator(`tr.member-row[data-member-id="${gamma}"] .member-status`)).toHaveText('Pending', { timeout: 10_000 });
  await expect(page.locator('.add-results__item--ok')).toHaveCount(1);
  await expect(page.getByLabel(/Project IDs/)).toHaveValue('');
  expect(await memberIds(id)).toEqual([gamma]);
});
