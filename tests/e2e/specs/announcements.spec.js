// What a keyboard or screen-reader user gets from the login tabs, the outcome of a save and a
// change of visibility, a question that goes away, and the access overview's reading; and an
// address whose id no real image can have.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');

const { gamma } = seed.projects;
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

async function aliceImage(prefix, fields = {}) {
  const id = await createImage(await tokenFor('alice'), `${prefix}-${Date.now()}`, null, fields);
  created.push(id);
  return id;
}

test('login tabs: arrow keys move between them; a missing field names its message', async ({ page }) => {
  await page.goto('/login');
  // The tab list is named by what it chooses.
  const methods = page.getByRole('tablist', { name: 'How to log in' });
  const password = methods.getByRole('tab', { name: 'Password' });
  const credential = methods.getByRole('tab', { name: 'Application credential' });
  await expect(password).toHaveAttribute('aria-selected', 'true');
  // One Tab stop: only the chosen tab is in the Tab order.
  await expect(password).toHaveAttribute('tabindex', '0');
  await expect(credential).toHaveAttribute('tabindex', '-1');
  await password.focus();
  await page.keyboard.press('ArrowRight');
  await expect(credential).toHaveAttribute('aria-selected', 'true');
  await expect(credential).toBeFocused();
  await expect(page.getByRole('tabpanel').getByLabel('Application credential ID')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(password).toHaveAttribute('aria-selected', 'true');
  await expect(password).toBeFocused();
  await expect(page.getByRole('tabpanel').getByLabel('Password', { exact: true })).toBeVisible();
  // The panel is not one more thing labelled "Password".
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(1);
  // Log in with the user name empty: its field says why, in words a screen reader reads with it.
  await page.getByLabel('Password', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Log in' }).click();
  const user = page.getByLabel('User name');
  await expect(user).toHaveAttribute('aria-invalid', 'true');
  await expect(user).toHaveAccessibleDescription('Please fill in this field.');
  await expect(page.getByLabel('Password', { exact: true })).not.toHaveAttribute('aria-describedby', /.+/);
});

test('saving twice says "Saved." each time in one status; a new visibility says it was changed', async ({ page }) => {
  const errors = watchErrors(page);
  const id = await aliceImage('e2e-announce-save');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
  await page.getByLabel('Add tag').first().fill('one');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saved).toHaveCount(1);
  const status = await saved.elementHandle();
  // The second save empties the same status while it runs, then says "Saved." again.
  const texts = [];
  await page.exposeFunction('noteStatus', (t) => texts.push(t));
  await page.evaluate((el) => new MutationObserver(() => window.noteStatus(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true }), status);
  await page.getByLabel('Add tag').first().fill('two');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => texts.join('|')).toMatch(/^\|?Saved\.$|\|Saved\.$/);
  expect(texts[0]).toBe('');
  await expect(saved).toHaveCount(1);
  expect(await saved.evaluate((el, before) => el === before, status)).toBe(true);
  const tags = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.tags.sort();
  expect(tags).toEqual(['one', 'two']);

  await page.getByRole('radio', { name: /^Shared/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visibility changed.' })).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('shared');
  expect(errors).toEqual([]);
});

test('Cancel on the "Add anyway" question gives the focus back to the text to add', async ({ page }) => {
  const id = await aliceImage('e2e-announce-cancel', { visibility: 'shared' });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const box = page.getByLabel(/Project IDs/);
  await box.fill(`no-such-project\n${gamma}`);
  await page.getByRole('button', { name: 'Add members', exact: true }).click();
  const question = page.getByRole('alert').filter({ hasText: 'Not the name of one of your projects' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(`no-such-project\n${gamma}`);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members).toEqual([]);
});

test('the access overview reads quietly while busy and announces its figures', async ({ page }) => {
  await loginAs(page, 'alice', { start: '/access' });
  const progress = page.getByRole('status').filter({ hasText: /Read members of/ });
  await expect(progress).toHaveText(/Read members of (\d+) of \1 images?$/);
  await expect(progress).toHaveAttribute('aria-busy', 'false');
  const counts = page.getByTestId('access-counts');
  await expect(counts).toHaveAttribute('aria-live', 'polite');
  await expect(counts).toHaveAttribute('aria-busy', 'false');
  await expect(counts).toHaveText(/^\d+ members?: /);
});

test('an address with an id longer than any image id is refused without asking Glance', async ({ page }) => {
  const errors = watchErrors(page);
  const long = 'a'.repeat(4000);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes(long.slice(0, 300))) asked.push(r.url()); });
  await loginAs(page, 'alice');
  await page.goto(`/images/${long}`);
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be used in a web address' });
  await expect(alert).toContainText('it is too long');
  // The id is shortened in the message, and the page keeps to the window's width.
  expect((await alert.textContent()).length).toBeLessThan(400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Only the page's own address carried the id; no request went to Glance with it.
  expect(asked.filter((u) => !u.includes('/images/' + long) || u.includes('/v2/'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a visibility radio is named by its visibility and described by its explanation', async ({ page }) => {
  const id = await aliceImage('e2e-announce-radio');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const shared = page.getByRole('radio', { name: 'Shared', exact: true });
  await expect(shared).toHaveCount(1);
  await expect(shared).toHaveAccessibleDescription(/members/);
});

test('the invitations badge is not marked as the current page on the other catalog views', async ({ page }) => {
  // bob has a pending invitation from the seed (alpha-shared-with-beta).
  await loginAs(page, 'bob');
  const badge = page.locator('.invitation-badge');
  await expect(badge).toBeVisible();
  await expect(badge).not.toHaveAttribute('aria-current', /.+/);
  await badge.click();
  await expect(page).toHaveURL(/view=invitations/);
  // The catalog's own tab for the view is the current page.
  await expect(page.getByRole('navigation', { name: 'Images' }).getByRole('link', { name: 'Invitations' })).toHaveAttribute('aria-current', 'page');
});

test('a member id of 255 characters and the properties table keep the pages within a phone screen', async ({ page }) => {
  const id = await aliceImage('e2e-announce-narrow', { visibility: 'shared', os_distro: 'cirros', hw_disk_bus: 'virtio', a_long_property_key_name: 'value' });
  const token = await tokenFor('alice');
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: 'm'.repeat(255) })).status).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByLabel('Value os_distro')).toBeVisible();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await page.goto('/access');
  await expect(page.locator(`tr[data-image="${id}"]`)).toHaveCount(1);
  expect(await fits()).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await fits()).toBe(true);
});

test('deleting an image protected meanwhile: Glance\'s reason without a word about roles, and the actions follow', async ({ page }) => {
  const id = await aliceImage('e2e-announce-protected');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('button', { name: 'Protect', exact: true })).toBeVisible();
  const token = await tokenFor('alice');
  expect((await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: true }], 'application/openstack-images-v2.1-json-patch')).status).toBe(200);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'is protected' });
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText('role');
  // Read again after the refusal: the image is protected, so Unprotect is offered.
  await expect(page.getByRole('button', { name: 'Unprotect', exact: true })).toBeVisible();
  expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(200);
  await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
});

test('Delete on a page whose image was deleted meanwhile says so and returns to the list', async ({ page }) => {
  const errors = watchErrors(page);
  const id = await aliceImage('e2e-announce-gone');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${id}`)).status).toBe(204);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.locator('.notice-area')).toContainText('The image had already been deleted');
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
});

test('removing a member another tab has removed already drops its row instead of bringing it back', async ({ page }) => {
  const id = await aliceImage('e2e-announce-ghost', { visibility: 'shared' });
  const token = await tokenFor('alice');
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const row = page.locator(`tr.member-row[data-member-id="${gamma}"]`);
  await expect(row).toHaveCount(1);
  expect((await glance(token, 'DELETE', `/v2/images/${id}/members/${gamma}`)).status).toBe(204);
  await row.getByRole('button', { name: /^Remove/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Removed 1 project/ })).toBeVisible();
  await expect(row).toHaveCount(0);
});
