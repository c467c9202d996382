// A list that could not be read is not an empty list: the sharing panel, the consumer's answer
// and the catalog say what failed and offer to read again, and nothing is decided on a guess.
// Glance is real; only the one failing read is injected (page.route), as Glance will not fail
// on demand.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta } = seed.projects;
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

/** A shared image of alpha's with beta invited (pending). */
async function sharedWithBeta(prefix) {
  const token = await tokenFor('alice');
  const name = `${prefix}-${Date.now()}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  return { id, name };
}

const proxyError = (route) => route.fulfill({
  status: 500,
  contentType: 'text/html',
  body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
});

test('owner: an unreadable member list is not "no members", and going private still asks', async ({ page }) => {
  const { id, name } = await sharedWithBeta('e2e-unknown-members');
  const members = `**/v2/images/${id}/members`;
  await page.route(members, (route) => (route.request().method() === 'GET' ? proxyError(route) : route.continue()));
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Sharing' });
  await expect(panel.getByRole('alert').first()).toContainText('500');
  await expect(panel).toContainText('The member list could not be read');
  await expect(panel).not.toContainText('This image has no members');
  await expect(page.getByTestId('member-count')).toHaveCount(0);
  // The status filters count nothing they do not know: "All", not "All (0)".
  const filters = panel.getByRole('group', { name: 'Members' });
  await expect(filters.getByRole('button', { name: 'All', exact: true })).toBeVisible();
  await expect(filters.getByRole('button', { name: 'Pending', exact: true })).toBeVisible();
  // Private would take the image from members nobody could see: it asks, and Cancel keeps it.
  await panel.getByRole('radio', { name: /^Private/ }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('member list could not be read');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('radio', { name: /^Shared/ })).toBeChecked();
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('shared');
  // Readable again: Refresh shows the member Glance holds.
  await page.unroute(members);
  await panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1');
  await expect(filters.getByRole('button', { name: 'All (1)', exact: true })).toBeVisible();
  await expect(panel.locator(`tr.member-row[data-member-id="${beta}"]`)).toContainText('Pending');
  await expect(panel).not.toContainText('could not be read');
});

test('consumer: an unreadable answer is not "not shared with this project"; Refresh offers Accept', async ({ page }) => {
  const { id, name } = await sharedWithBeta('e2e-unknown-answer');
  const members = `**/v2/images/${id}/members**`;
  await page.route(members, (route) => (route.request().method() === 'GET' ? proxyError(route) : route.continue()));
  await loginAs(page, 'bob', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Sharing' });
  await expect(panel).toContainText('This project\'s answer could not be read');
  await expect(panel).not.toContainText('not shared with this project');
  await page.unroute(members);
  await panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.getByRole('button', { name: 'Accept' })).toBeVisible();
  await expect(panel).not.toContainText('could not be read');
});

test('catalog: a failed list offers to read it again without a reload', async ({ page }) => {
  await loginAs(page, 'alice');
  await expect(page.getByRole('table')).toBeVisible();
  let failures = 0;
  await page.route('**/v2/images?**', (route) => {
    if (failures === 0) { failures += 1; return route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' }); }
    return route.continue();
  });
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '503' })).toBeVisible();
  await page.getByRole('button', { name: 'Retry the list' }).click();
  await expect(page.getByRole('link', { name: 'alpha-public-tools', exact: true })).toBeVisible();
  expect(failures).toBe(1);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('a name of invisible characters only is shown as the id, so the link and its box have a name', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, '\u200b\u202e');
  created.push(id);
  await loginAs(page, 'alice', { start: '/images?sort=created_at&dir=desc' });
  await expect(page.getByRole('link', { name: id, exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${id}` })).toBeVisible();
});

test('/index.html is the app: it opens the catalog', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.goto('/index.html');
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
});
