// Issue 13 (accessibility, point 7): what a screen reader gets, asserted through roles and
// attributes. Progress and results are live regions; tables have a caption and column
// headers; copy buttons say what they copy and announce that they did; status badges are
// words, not colour only.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta, gamma } = seed.projects;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

test('tables have a caption and column headers; badges are words; copy buttons say what they copy', async ({ page, context }) => {
  const name = `e2e-sr-table-${Date.now()}`;
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loginAs(page, 'alice');
  // The header's navigation landmark has a name (a screen reader's landmark list shows it).
  await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toHaveCount(1);

  // The catalog table is named by its caption and has one header per column.
  const images = page.getByRole('table', { name: 'Images on this page' });
  await expect(images).toBeVisible();
  await expect(images.locator('caption')).toHaveText('Images on this page');
  for (const col of ['Name', 'Status', 'Visibility', 'Size', 'Owner', 'Created', 'Updated']) {
    await expect(images.getByRole('columnheader', { name: col, exact: true })).toHaveCount(1);
  }
  // The status is a word in the badge (colour is only a second cue).
  const row = images.getByRole('row').filter({ hasText: name });
  await expect(row.locator('.status-badge')).toHaveText(/^queued$/i);
  await expect(images.getByRole('row').filter({ hasText: 'alpha-cirros' }).locator('.status-badge')).toHaveText(/^active$/i);
  // The owner's copy button says what it copies; after a click a status says it was copied.
  // The button names the owner whose id it copies.
  const copy = row.getByRole('button', { name: 'Copy project ID (alpha)', exact: true });
  await expect(copy).toHaveCount(1);
  await copy.click();
  await expect(row.getByRole('status')).toHaveText('Copied: Project ID (alpha)');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(seed.projects.alpha);

  // The member table: caption, headers, status as a word.
  await page.goto(`/images/${id}`);
  // Times on the detail page read as in the lists (relative), then exact in local time; the
  // machine-readable timestamp is Glance's own.
  const record = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  const createdField = page.locator('dt', { hasText: /^Created$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(createdField.locator('time')).toHaveAttribute('datetime', record.created_at);
  await expect(createdField.locator('time')).toHaveText(/^(just now|\d+ (min|h|d) ago|in \d+ (min|h|d))$/);
  await expect(createdField).toContainText(`${new Date(record.created_at).getFullYear()}`);
  await expect(createdField).not.toContainText('T');
  // A seeded image's custom properties: a table named like its heading.
  await page.goto('/images');
  await page.getByRole('link', { name: 'alpha-cirros', exact: true }).click();
  const props = page.getByRole('table', { name: 'Custom properties', exact: true });
  await expect(props.getByRole('rowheader', { name: 'os_distro' })).toBeVisible();
  await expect(props.getByRole('row').filter({ hasText: 'os_distro' })).toContainText('cirros');
  await page.goto(`/images/${id}`);
  const members = page.getByRole('table', { name: 'Projects this image is shared with' });
  await expect(members).toBeVisible();
  for (const col of ['Project', 'Status', 'Added', 'Last changed', 'Actions']) {
    await expect(members.getByRole('columnheader', { name: col, exact: true })).toHaveCount(1);
  }
  const memberRow = members.getByRole('row').filter({ hasText: beta });
  await expect(memberRow.locator('.member-status')).toHaveText(/^pending$/i);
  await expect(memberRow.getByRole('button', { name: `Copy project ID (${beta})`, exact: true })).toHaveCount(1);
  await expect(memberRow.getByRole('button', { name: `Remove ${beta}` })).toHaveCount(1);
});

test('progress and results of adding members are announced (status and polite live regions)', async ({ page }) => {
  const name = `e2e-sr-live-${Date.now()}`;
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  // Each add waits 1.5 s in the browser before it goes to Glance, so the progress is seen.
  await page.route('**/v2/images/*/members', async (route) => {
    if (route.request().method() === 'POST') await sleep(1500);
    await route.continue();
  });
  await page.getByLabel(/Project IDs/).fill(`${beta}\n${gamma}`);
  await page.getByRole('button', { name: 'Add members', exact: true }).click();
  const progress = page.getByRole('status').filter({ has: page.locator('progress') });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('You can leave this page');
  // The results list is a polite live region, and says per project what happened.
  const results = page.locator('.add-results');
  await expect(results).toHaveAttribute('aria-live', 'polite');
  await expect(results.locator('.add-results__item--ok')).toHaveCount(2);
  await expect(results).toContainText(`${beta}: added (pending)`);
  await expect(progress).toHaveCount(0);
  // A removal's result is a status too.
  await page.unroute('**/v2/images/*/members');
  await page.getByRole('button', { name: new RegExp(`^Remove .*${gamma}`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Removed 1 project from the image ${name}.` })).toBeVisible();
  // The notices of actions that outlive their page are a polite live region as well.
  await expect(page.locator('.notice-area')).toHaveAttribute('aria-live', 'polite');
});

test('a consumer\'s answer is announced as a status', async ({ page }) => {
  const name = `e2e-sr-answer-${Date.now()}`;
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  await loginAs(page, 'bob', { start: `/images/${id}` });
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `You accepted the image ${name}.` })).toBeVisible();
  await expect(page.locator('.consumer-status .member-status')).toHaveText(/^accepted$/i);
});
