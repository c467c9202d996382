// Issue 15.1: the access overview. alice's project (alpha) shares three images with beta and
// gamma; beta and gamma answer through their own tokens. /access, opened from the header,
// shows every member as Glance holds it, filters, sorts, removes and exports.
const fs = require('fs');
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta, gamma } = seed.projects;
const prefix = `e2e-access-${Date.now()}`;
const one = `${prefix}-one`;
const three = `${prefix}-three`;
// A name a spreadsheet would run as a formula: the export must neutralize it.
const formula = `=HYPERLINK("http://evil.example","${prefix}-link")`;
const ids = {};

async function share(owner, image, project) {
  expect((await glance(owner, 'POST', `/v2/images/${image}/members`, { member: project })).status).toBe(200);
}
async function answer(user, image, project, status) {
  const r = await glance(await tokenFor(user), 'PUT', `/v2/images/${image}/members/${project}`, { status });
  expect(r.status).toBe(200);
}
/** project → status of the image's members, as Glance holds them. */
async function glanceMembers(image) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${image}/members`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.json.members.map((m) => [m.member_id, m.status]));
}

test.beforeAll(async () => {
  const alice = await tokenFor('alice');
  for (const [key, name] of [['one', one], ['link', formula], ['three', three]]) {
    ids[key] = await createImage(alice, name, null, { visibility: 'shared', disk_format: 'raw' });
  }
  await share(alice, ids.one, beta); // stays pending
  await share(alice, ids.one, gamma);
  await answer('carol', ids.one, gamma, 'accepted');
  await share(alice, ids.link, beta);
  await answer('bob', ids.link, beta, 'rejected');
  await share(alice, ids.three, gamma);
  await answer('carol', ids.three, gamma, 'rejected');
});
test.afterAll(async () => {
  const alice = await tokenFor('alice');
  for (const id of Object.values(ids)) await glance(alice, 'DELETE', `/v2/images/${id}`);
});

const rows = (page) => page.locator('.access-table tbody tr');

/** Opens /access from the header and narrows the table to this spec's images. */
async function openOverview(page, user = 'alice') {
  await loginAs(page, user);
  await page.getByRole('link', { name: 'Access overview' }).click();
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole('heading', { name: 'Access overview' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Read members of/ })).toHaveText(/Read members of (\d+) of \1 images/);
  await page.getByRole('searchbox', { name: 'Image name' }).fill(prefix);
}

test('the overview shows every member Glance holds, with counts, filters and sorting', async ({ page }) => {
  // dave is in alpha and beta: beta's name is known to him, gamma's is not.
  await openOverview(page, 'dave');
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByTestId('access-counts')).toHaveText('4 members: 1 pending, 1 accepted, 2 rejected');
  const pending = page.locator(`tr[data-image="${ids.one}"][data-project="${beta}"]`);
  await expect(pending.getByRole('link', { name: one })).toHaveAttribute('href', `/images/${ids.one}`);
  await expect(pending).toContainText('beta');
  await expect(pending).toContainText(beta);
  await expect(pending.locator('.member-status')).toHaveText('Pending');
  const rejected = page.locator(`tr[data-image="${ids.three}"][data-project="${gamma}"]`);
  await expect(rejected.locator('.member-status')).toHaveText('Rejected');

  // Filters: project by name, then by id; status.
  await page.getByRole('searchbox', { name: 'Project (ID or name)' }).fill('beta');
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Project (ID or name)' }).fill(gamma.slice(0, 12));
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('accepted');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('access-counts')).toHaveText('1 member: 0 pending, 1 accepted, 0 rejected');
  await page.getByRole('searchbox', { name: 'Project (ID or name)' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await expect(rows(page)).toHaveCount(4);

  // Sorting: by image name ascending ("=" sorts before letters), then descending.
  const imageHeader = page.getByRole('columnheader', { name: 'Image' });
  await expect(imageHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page).first()).toHaveAttribute('data-image', ids.link);
  await imageHeader.getByRole('button').click();
  await expect(imageHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first()).toHaveAttribute('data-image', ids.three);
  const statusHeader = page.getByRole('columnheader', { name: 'Status' });
  await statusHeader.getByRole('button').click();
  await expect(statusHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(imageHeader).toHaveAttribute('aria-sort', 'none');
  await expect(rows(page).first().locator('.member-status')).toHaveText('Accepted');
});

test('an image whose members cannot be read shows the service\'s words and request id; the rest is shown', async ({ page }) => {
  // Glance will not fail one member list on demand: this one answer is injected.
  const requestId = `req-e2e-access-${Date.now()}`;
  await page.route(`**/v2/images/${ids.three}/members`, (route) => route.fulfill({
    status: 500,
    contentType: 'application/json',
    headers: { 'x-openstack-request-id': requestId },
    body: JSON.stringify({ message: 'Injected member list failure', code: '500 Internal Server Error', title: 'Internal Server Error' }),
  }));
  await openOverview(page);
  const error = page.getByRole('alert').filter({ hasText: `The members of ${three} could not be read` });
  await expect(error).toContainText('Injected member list failure');
  await expect(error).toContainText(requestId);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.locator(`tr[data-image="${ids.three}"]`)).toHaveCount(0);
});

test('removing selected members: what Glance confirmed leaves the table, a failure stays selected', async ({ page }) => {
  // Glance will not refuse one removal on demand: this one answer is injected.
  await page.route(`**/v2/images/${ids.one}/members/${beta}`, (route) => (route.request().method() === 'DELETE'
    ? route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ message: 'Injected removal failure', code: '500 Internal Server Error', title: 'Internal Server Error' }),
    })
    : route.continue()));
  await openOverview(page);
  await expect(rows(page)).toHaveCount(4);
  await page.getByRole('checkbox', { name: `Select ${gamma} on ${one}` }).check();
  await page.getByRole('checkbox', { name: `Select ${beta} on ${one}` }).check();
  await page.getByRole('button', { name: 'Remove access (2)' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByText(`Removed ${gamma} from ${one}`)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: `Could not remove ${beta} from ${one}` })).toContainText('Injected removal failure');
  await expect(rows(page)).toHaveCount(3);
  await expect(page.locator(`tr[data-image="${ids.one}"][data-project="${gamma}"]`)).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${beta} on ${one}` })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Remove access (1)' })).toBeEnabled();
  expect(await glanceMembers(ids.one)).toEqual({ [beta]: 'pending' });
});

test('the CSV export holds the filtered table, with BOM and the formula name neutralized', async ({ page }) => {
  await openOverview(page);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('rejected');
  await expect(rows(page)).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('access-overview.csv');
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Image,Image ID,Project,Project ID,Status,Added,Changed');
  expect(lines).toHaveLength(4); // header, two rows, nothing after the last CRLF
  const link = lines.find((l) => l.includes(ids.link));
  expect(link.startsWith(`"'=HYPERLINK(""http://evil.example"",""${prefix}-link"")",`)).toBe(true);
  expect(link).toContain(`,${beta},rejected,`);
  expect(lines.some((l) => l.startsWith(`${three},${ids.three},,${gamma},rejected,`))).toBe(true);
});

test('"Remove all rejected" removes exactly the rejected members', async ({ page }) => {
  await openOverview(page);
  await page.getByRole('button', { name: 'Remove all rejected (2)' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove access' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('access-counts')).toHaveText('1 member: 1 pending, 0 accepted, 0 rejected');
  expect(await glanceMembers(ids.link)).toEqual({});
  expect(await glanceMembers(ids.three)).toEqual({});
  expect(await glanceMembers(ids.one)).toEqual({ [beta]: 'pending' });
});

test('the overview in zh-CN', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
  await page.getByRole('link', { name: '访问概览' }).click();
  await expect(page.getByRole('heading', { name: '访问概览' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '镜像', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: '镜像名称' }).fill(prefix);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().locator('.member-status')).toHaveText('待接受');
});
