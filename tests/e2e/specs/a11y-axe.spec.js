// Issue 13 (accessibility, point 5): axe-core over every main screen and state of the app —
// login and its error, each catalog tab, the detail page as owner and as consumer, the
// sharing panel with results, create with an upload in progress, and every dialog open.
// Each screen must have no serious or critical violation; the counts per screen are printed
// ("axe: <screen>: …") and collected in tests/e2e/axe-summary.txt, which scripts/test.sh shows.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');
const { checkScreen, resetSummary } = require('../lib/axe');

const created = [];
test.beforeAll(() => resetSummary());
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) {
    await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

/** A shared image of alpha with beta as a (pending) member; returns its id. */
async function sharedImage(name) {
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  const r = await glance(token, 'POST', `/v2/images/${id}/members`, { member: seed.projects.beta });
  expect(r.status).toBe(200);
  return id;
}

test('axe: login, its error, and every catalog tab', async ({ page, browser }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await checkScreen(page, 'login');

  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Login failed');
  await checkScreen(page, 'login error');

  await loginAs(page, 'alice');
  await expect(page.locator('.image-table')).toBeVisible();
  for (const tab of ['My images', 'Shared with me', 'Invitations', 'Rejected', 'Public', 'Community']) {
    await page.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
    await checkScreen(page, `catalog (alice): ${tab}`);
  }

  // bob has a pending invitation: the tab with accept/reject in its rows.
  // (axe needs pages of a context the test opened.)
  const bob = await (await browser.newContext()).newPage();
  await loginAs(bob, 'bob');
  await bob.getByRole('link', { name: 'Invitations', exact: true }).click();
  await expect(bob.getByRole('row').filter({ hasText: 'alpha-shared-with-beta' })).toBeVisible();
  await checkScreen(bob, 'catalog (bob): Invitations with rows');

  // The admin's extra tab.
  const admin = await (await browser.newContext()).newPage();
  await admin.goto('/login');
  await admin.getByLabel('User name').fill('admin');
  await admin.getByLabel('Password', { exact: true }).fill(seed.admin.password);
  await admin.getByLabel('Project', { exact: true }).fill('admin');
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.getByRole('link', { name: 'All', exact: true }).click();
  await expect(admin.locator('.image-table')).toBeVisible();
  await checkScreen(admin, 'catalog (admin): All');
});

test('axe: detail as owner, sharing results, and the owner\'s dialogs', async ({ page }) => {
  const name = `e2e-axe-owner-${Date.now()}`;
  const id = await sharedImage(name);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.locator('tr.member-row')).toHaveCount(1);
  await checkScreen(page, 'detail (owner)');

  // Results of an add: one added, one malformed.
  await page.getByLabel(/Project IDs/).fill(`${seed.projects.gamma}\nno/such`);
  await page.getByRole('button', { name: 'Add members', exact: true }).click();
  await expect(page.locator('.add-results__item')).toHaveCount(2);
  await checkScreen(page, 'sharing panel with results');

  // Remove one member: the confirmation.
  await page.getByRole('button', { name: new RegExp(`^Remove .*${seed.projects.gamma}`) }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await checkScreen(page, 'dialog: confirm remove member');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

  // Delete the image: the confirmation.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await checkScreen(page, 'dialog: confirm delete image');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

  // Bulk delete from the catalog: the confirmation naming the images.
  await page.goto('/images');
  await page.getByLabel(`Select ${name}`).check();
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(name);
  await checkScreen(page, 'dialog: bulk delete confirmation');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

  // The token refused: the re-login dialog over the page (a 401 injected once; Glance caches
  // token validation, so it would not refuse a just-revoked token at once).
  await page.route('**/image/v2/images**', (route) => route.fulfill({
    status: 401, contentType: 'application/json', body: JSON.stringify({ message: 'Unauthorized', code: '401 Unauthorized', title: 'Unauthorized' }),
  }), { times: 1 });
  await page.getByRole('combobox', { name: 'Sort by', exact: true }).selectOption('name');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await checkScreen(page, 'dialog: re-login');
  await dialog.getByLabel('Password', { exact: true }).fill('alice-pass');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
});

test('axe: detail as consumer and the reject confirmation', async ({ page }) => {
  const name = `e2e-axe-consumer-${Date.now()}`;
  const id = await sharedImage(name);
  await loginAs(page, 'bob', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.locator('.consumer-status')).toContainText('Pending');
  await checkScreen(page, 'detail (consumer)');
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await checkScreen(page, 'dialog: confirm reject');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('axe: create with an upload in progress', async ({ page, context }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-share-axe-'));
  const file = path.join(dir, 'slow.raw');
  fs.writeFileSync(file, Buffer.alloc(16 * 1024 * 1024, 1));
  try {
    await loginAs(page, 'alice', { start: '/images/new' });
    await expect(page.getByRole('button', { name: 'Create image' })).toBeVisible();
    await checkScreen(page, 'create (empty form)');
    // Slow the browser's uploads so the progress stays on screen.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await page.getByLabel('Name', { exact: true }).fill(`e2e-axe-upload-${Date.now()}`);
    await page.getByLabel('Disk format').selectOption('raw');
    await page.getByLabel('Image file').setInputFiles(file);
    await page.getByRole('button', { name: 'Create image' }).click();
    await expect(page.locator('.upload-progress__text')).toContainText(/\(\d+%\)/);
    await checkScreen(page, 'create (upload in progress)');
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
    const href = await page.getByRole('link', { name: 'Open the image' }).getAttribute('href');
    created.push(href.split('/').pop());
    await checkScreen(page, 'create (upload cancelled)');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('axe: access overview, "remove from all images": its confirmation and results', async ({ page }) => {
  const name = `e2e-axe-access-${Date.now()}`;
  await sharedImage(name);
  await loginAs(page, 'alice');
  await page.getByRole('link', { name: 'Access overview' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Read members of/ })).toHaveText(/Read members of (\d+) of \1 images/);
  await page.getByRole('searchbox', { name: 'Image name' }).fill(name);
  await expect(page.locator('.access-table tbody tr')).toHaveCount(1);
  await checkScreen(page, 'access overview');
  await page.getByRole('combobox', { name: 'Member to remove from all images shown' }).selectOption(seed.projects.beta);
  await page.getByRole('button', { name: 'Remove from 1 image' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await checkScreen(page, 'dialog: remove a project from all images');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByText(`Removed ${seed.projects.beta} from ${name}`)).toBeVisible();
  await checkScreen(page, 'access overview with removal results');
});
