// Issue 4: server-side paging, combined filters, sort, reload of a filtered URL, the app's
// "name contains" over loaded rows, and the Community and Rejected tabs, on real Glance data.
const { test, expect } = require('../lib/fixtures');
const { tokenFor, glance, createImage, seed } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');

const COUNT = 60;
const names = Array.from({ length: COUNT }, (_, i) => `pg-${String(i).padStart(2, '0')}`);
let created = [];

test.beforeAll(async () => {
  // carol's project gamma gets 60 images: 3 pages of 25 when sorted by name.
  const token = await tokenFor('carol');
  for (let i = 0; i < COUNT; i++) {
    const r = await glance(token, 'POST', '/v2/images', {
      name: names[i], visibility: 'private', container_format: 'bare',
      disk_format: i % 2 ? 'qcow2' : 'raw', tags: [i % 2 ? 'odd' : 'even'],
    });
    expect(r.status).toBe(201);
    created.push(r.json.id);
  }
});

test.afterAll(async () => {
  const token = await tokenFor('carol');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
  created = [];
});

const rows = (page) => page.locator('.image-row__name a');

test('keyboard: a page link followed with Enter leaves the focus on the page links of the new page', async ({ page }) => {
  await loginAs(page, 'carol', { start: '/images?sort=name&dir=asc' });
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  await page.getByRole('link', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await expect(page.getByRole('link', { name: 'Next page' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveText(names.slice(50, 60));
  // The last page has no "Next page": the focus is on "Previous page", the last link left.
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  // The first page has only "Next page".
  await expect(page.getByRole('link', { name: 'Next page' })).toBeFocused();
});

test('three pages of 25 by name, with next, previous and first, and the position in the URL', async ({ page }) => {
  const glanceCalls = [];
  page.on('request', (r) => { if (r.url().includes('/image/v2/images?')) glanceCalls.push(r.url()); });
  await loginAs(page, 'carol', { start: '/images?sort=name&dir=asc' });
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await expect(page).toHaveURL(/marker=/);
  // A reload of page 2 shows page 2 again, with the way back: every page link is an address.
  await page.reload();
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeVisible();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveText(names.slice(50, 60));
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await expect(page).toHaveURL(/before=/);
  // None of the page links claims to be the current page (a screen reader says so).
  for (const name of ['First page', 'Previous page', 'Next page']) {
    await expect(page.getByRole('link', { name })).not.toHaveAttribute('aria-current', /.*/);
  }
  // The page reached by Previous, reloaded: the same rows and links; its Previous is the first
  // page, which offers neither "Previous page" nor "First page".
  await page.reload();
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'First page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveText(names.slice(25, 50));
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveText(names.slice(50, 60));
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  // Every list call asked Glance for one page only (read backwards: and one image more).
  const lists = glanceCalls.filter((u) => u.includes('owner='));
  expect(lists.every((u) => u.includes('limit=25') || (u.includes('limit=26') && u.includes('sort_dir=desc')))).toBe(true);
  expect(lists.some((u) => u.includes('limit=26'))).toBe(true);
  // 50 per page: two pages.
  await page.getByLabel('Per page').selectOption('50');
  await expect(rows(page)).toHaveCount(50);
});

test('a page link whose starting image is gone says why and leads back to the first page', async ({ page }) => {
  // A bookmarked "page 2" starts after an image (the marker); once that image is deleted,
  // Glance refuses the whole list with a 400.
  const token = await tokenFor('carol');
  const gone = (await glance(token, 'POST', '/v2/images', { name: 'pg-gone', container_format: 'bare', disk_format: 'raw' })).json.id;
  expect((await glance(token, 'DELETE', `/v2/images/${gone}`)).status).toBe(204);
  await loginAs(page, 'carol', { start: `/images?sort=name&dir=asc&marker=${gone}` });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`No image found with ID ${gone}`);
  await expect(alert).toContainText('starts after an image this project cannot see now');
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(rows(page)).toHaveText(names.slice(0, 25));
  await expect(page).not.toHaveURL(/marker=/);
  await expect(page).toHaveURL(/sort=name/);

  // An image of another project that this one cannot see: Glance answers 403, and the
  // generic advice for a 403 (the user's role) would send the user after the wrong cause.
  const hidden = require('../lib/stack').seed.images['beta-private'];
  await page.goto(`/images?sort=name&dir=asc&marker=${hidden}`);
  await expect(alert).toContainText('not visible');
  await expect(alert).toContainText('starts after an image this project cannot see now');
  await expect(alert).not.toContainText('Your role in this project');
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(rows(page)).toHaveText(names.slice(0, 25));
});

test('two filters combined, a sort, and a reload of the filtered URL restore the same view', async ({ page }) => {
  await loginAs(page, 'carol');
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByLabel('Disk format', { exact: true }).selectOption('raw');
  await page.getByLabel('Tag').fill('even');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('combobox', { name: 'Sort by', exact: true }).selectOption('name');
  await page.getByLabel('Order').selectOption('asc');
  const expected = names.filter((_, i) => i % 2 === 0).slice(0, 25);
  await expect(rows(page)).toHaveText(expected);
  await expect(page).toHaveURL(/disk_format=raw/);
  await expect(page).toHaveURL(/tag=even/);
  await page.reload();
  await expect(rows(page)).toHaveText(expected);
  await expect(page.getByLabel('Disk format', { exact: true })).toHaveValue('raw');
  await expect(page.getByLabel('Tag')).toHaveValue('even');
  await expect(page.getByLabel('Order')).toHaveValue('asc');
  // Descending by name reverses the whole filtered set: the last even names come first.
  await page.getByLabel('Order').selectOption('desc');
  await expect(rows(page).first()).toHaveText('pg-58');
  // Clear brings back everything.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows(page)).toHaveCount(25);
  await expect(page).not.toHaveURL(/tag=/);
});

test('"name contains" filters the loaded rows and says so', async ({ page }) => {
  await loginAs(page, 'carol', { start: '/images?sort=name&dir=asc' });
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByLabel('Name contains (this page only)').fill('pg-1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(rows(page)).toHaveText(names.slice(10, 20));
  await expect(page.getByRole('note')).toContainText('this page only');
  await expect(page.getByRole('note')).toContainText('(10 / 25)');
});

test('the Community and Rejected tabs list what Glance holds there', async ({ page }) => {
  const carol = await tokenFor('carol');
  const alice = await tokenFor('alice');
  const community = await glance(carol, 'POST', '/v2/images', { name: `community-${Date.now()}`, visibility: 'community', disk_format: 'raw', container_format: 'bare' });
  const shared = await glance(alice, 'POST', '/v2/images', { name: `rejected-${Date.now()}`, visibility: 'shared', disk_format: 'raw', container_format: 'bare' });
  try {
    const { gamma } = require('../lib/stack').seed.projects;
    expect((await glance(alice, 'POST', `/v2/images/${shared.json.id}/members`, { member: gamma })).status).toBe(200);
    expect((await glance(carol, 'PUT', `/v2/images/${shared.json.id}/members/${gamma}`, { status: 'rejected' })).status).toBe(200);
    await loginAs(page, 'carol');
    await page.getByRole('link', { name: 'Community', exact: true }).click();
    expect(await imageNames(page)).toContain(community.json.name);
    await page.getByRole('link', { name: 'Rejected', exact: true }).click();
    await expect(rows(page)).toHaveText([shared.json.name]);
    // A consumer can change its mind from here.
    await page.getByRole('row').filter({ hasText: shared.json.name }).getByRole('button', { name: 'Accept' }).click();
    await expect(rows(page)).toHaveCount(0);
    const members = await glance(alice, 'GET', `/v2/images/${shared.json.id}/members`);
    expect(members.json.members[0].status).toBe('accepted');
  } finally {
    await glance(carol, 'DELETE', `/v2/images/${community.json.id}`);
    await glance(alice, 'DELETE', `/v2/images/${shared.json.id}`);
  }
});

test('the Invitations tab reads past pages of nothing but the project\'s own shared images', async ({ page }) => {
  // Glance lists a project's own shared images under every member status; the tab leaves them
  // out. A first page of only those once read "No pending invitations" above a Next link.
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  const bob = await tokenFor('bob');
  const invite = `pg-invite-${stamp}`;
  const ids = { alice: [], bob: [] };
  try {
    ids.alice.push(await createImage(alice, invite, null, { visibility: 'shared' }));
    expect((await glance(alice, 'POST', `/v2/images/${ids.alice[0]}/members`, { member: seed.projects.beta })).status).toBe(200);
    // 26 newer shared images of bob's own: the first page of 25 (newest first) holds only them.
    for (let i = 0; i < 26; i += 1) ids.bob.push(await createImage(bob, `pg-own-${stamp}-${i}`, null, { visibility: 'shared' }));
    const first = await glance(bob, 'GET', '/v2/images?visibility=shared&member_status=pending&limit=25&sort_key=created_at&sort_dir=desc');
    expect(first.json.images.length).toBe(25);
    expect(first.json.images.every((i) => i.owner === seed.projects.beta)).toBe(true);

    const lists = [];
    page.on('request', (r) => { if (/member_status=pending&limit=25/.test(r.url())) lists.push(r.url()); });
    await loginAs(page, 'bob', { start: '/images?view=invitations' });
    await expect(page.getByRole('row').filter({ hasText: invite })).toBeVisible();
    await expect(page.getByText(/^No pending invitations/)).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: `pg-own-${stamp}` })).toHaveCount(0);
    // The second page was asked for from the first page's last image on.
    expect(lists.some((u) => u.includes(`marker=${first.json.images[24].id}`))).toBe(true);
  } finally {
    for (const id of ids.alice) await glance(alice, 'DELETE', `/v2/images/${id}`);
    for (const id of ids.bob) await glance(bob, 'DELETE', `/v2/images/${id}`);
  }
});
