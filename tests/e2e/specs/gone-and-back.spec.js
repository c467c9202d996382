// Pages that outlive what they show: a read refused with an old token is read again after
// the re-login; an invitation withdrawn or an image deleted while its page is open is said in
// plain words, not as a 404 beside buttons that can only fail; adding projects to a community
// image asks to make it shared first. All against the real Keystone and Glance; the one 401 a
// test needs on demand is injected.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, madeBy } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');

const { beta } = seed.projects;
const made = madeBy('alice');
test.afterAll(made.removeAll);
const aliceImage = made.image;

const refused = {
  status: 401,
  contentType: 'application/json',
  headers: { 'x-openstack-request-id': 'req-injected-401' },
  body: JSON.stringify({ message: 'This server could not verify that you are authorized to access the document you requested.', code: '401 Unauthorized', title: 'Unauthorized' }),
};

async function logInAgain(page) {
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill('alice-pass');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
}

test('a detail page refused with an old token shows the image after the re-login, focus in the page', async ({ page }) => {
  const errors = watchErrors(page);
  const { id, name } = await aliceImage('e2e-gone-relogin');
  await loginAs(page, 'alice');
  await page.route(`**/image/v2/images/${id}`, (route) => route.fulfill(refused), { times: 1 });
  await page.goto(`/images/${id}`);
  await logInAgain(page);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Something went wrong (401)')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('main');
  // Only the browser's own line about the injected 401.
  expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
});

test('the access overview refused with an old token reads again after the re-login', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.route('**/image/v2/images?*', (route) => route.fulfill(refused), { times: 1 });
  await page.goto('/access');
  await logInAgain(page);
  await expect(page.getByRole('table').getByText('alpha-shared-with-beta').first()).toBeVisible();
  await expect(page.getByText('(401)')).toHaveCount(0);
});

test('an invitation withdrawn while its page is open: Accept says the project cannot see the image', async ({ page }) => {
  const { id } = await aliceImage('e2e-gone-withdrawn', { visibility: 'shared' });
  const owner = await tokenFor('alice');
  expect((await glance(owner, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  await loginAs(page, 'bob', { start: `/invitations/${id}` });
  const accept = page.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeEnabled();
  expect((await glance(owner, 'DELETE', `/v2/images/${id}/members/${beta}`)).status).toBe(204);
  await accept.click();
  await expect(page.getByText(`Project beta cannot see image ${id}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(page.getByText('Something went wrong (404)')).toHaveCount(0);
});

test('an invitation withdrawn while the Invitations tab is open: its row goes, and the page says why', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-gone-row', { visibility: 'shared' });
  const owner = await tokenFor('alice');
  expect((await glance(owner, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  await loginAs(page, 'bob', { start: '/images?view=invitations' });
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  expect((await glance(owner, 'DELETE', `/v2/images/${id}/members/${beta}`)).status).toBe(204);
  await row.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText(`${name}: This image is not shared with this project.`)).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('an image deleted elsewhere: Protect on its open page says it is not found', async ({ page }) => {
  const { id } = await aliceImage('e2e-gone-deleted');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const protect = page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' });
  await expect(protect).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${id}`)).status).toBe(204);
  await protect.click();
  await expect(page.getByText(`Image not found: ${id}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Protect' })).toHaveCount(0);
});

test('Back from one image\'s page to another\'s: the one before is not left under the new address while it is read', async ({ page }) => {
  const a = await aliceImage('e2e-back-a');
  const b = await aliceImage('e2e-back-b');
  await loginAs(page, 'alice', { start: `/images/${a.id}` });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.name);
  // To B inside the app (the router takes any link's click; one is put in the page for it).
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.id = 'to-b';
    link.textContent = 'to B';
    document.body.append(link);
  }, `/images/${b.id}`);
  const loads = [];
  page.on('load', () => loads.push(page.url()));
  await page.locator('#to-b').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(b.name);
  // A is slow to answer this time (2 s).
  await page.route(`**/v2/images/${a.id}`, async (route) => {
    await new Promise((ok) => setTimeout(ok, 2000));
    await route.continue().catch(() => {});
  });
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/images/${a.id}$`));
  // Until A's answer: no heading, no button of B's page; then A's page.
  await expect(page.getByRole('heading', { name: b.name })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Actions' })).toHaveCount(0);
  await expect(page).not.toHaveTitle(new RegExp(b.name));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.name, { timeout: 10_000 });
  await expect(page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' })).toBeVisible();
  expect(loads, 'no page load: the app moved between the images itself').toEqual([]);
});

test('adding projects to a community image asks to make it shared first, then adds them', async ({ page }) => {
  const { id } = await aliceImage('e2e-gone-community', { visibility: 'community' });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const sharing = page.getByRole('region', { name: 'Sharing' });
  // A community image has no members: no word about "a shared image with no members".
  await expect(sharing.getByText('This image has no members.', { exact: false })).toHaveCount(0);
  await sharing.getByRole('textbox', { name: /Project IDs/ }).fill(beta);
  await sharing.getByRole('button', { name: 'Add members', exact: true }).click();
  await expect(sharing.getByText('this one is visible to all projects (Community)', { exact: false })).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('community');
  await sharing.getByRole('button', { name: 'Make shared and add' }).click();
  await expect(sharing.getByTestId('member-count')).toHaveText('1');
  const token = await tokenFor('alice');
  expect((await glance(token, 'GET', `/v2/images/${id}`)).json.visibility).toBe('shared');
  const members = (await glance(token, 'GET', `/v2/images/${id}/members`)).json.members;
  expect(members.map((m) => [m.member_id, m.status])).toEqual([[beta, 'pending']]);
});

test('Back to an image while an action on it was on its way: once it ends, the page shows what Glance holds', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-back-during');
  // Fault injected: the PATCH reaches Glance, its answer comes 2 s later.
  await page.route(`**/v2/images/${id}`, async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue().catch(() => {});
    const response = await route.fetch();
    await new Promise((ok) => setTimeout(ok, 2000));
    await route.fulfill({ response }).catch(() => {});
  });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Protect' }).click();
  await page.getByRole('link', { name: /Back to images/ }).click();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('notice')).toContainText(`${name}: Protected: Yes`, { timeout: 10_000 });
  await expect(actions.getByRole('button', { name: 'Unprotect' })).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.protected).toBe(true);
  await glance(await tokenFor('alice'), 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
});
