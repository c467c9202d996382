// Issue 11 (bulk actions that outlive their page, selections, confirmations, stale answers),
// each result checked against Glance itself. Requests are slowed with Playwright routing that
// delays them but still forwards them to the real Glance, so an action is still running when
// the user moves on (a real Glance answers too fast to leave mid-way on demand).
const { test, expect } = require('../lib/fixtures');
const { tokenFor, glance, createImage, unusedProjectId, seed } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const EMPTY_SHARED = 'No images shared with this project yet.';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const unprotect = (token, id) => glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');

test('bulk delete goes on after the user leaves; the result appears on the next page', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const names = ['a', 'b', 'c', 'd'].map((k) => `e2e-bgdel-${k}-${stamp}`);
  const guarded = `e2e-bgdel-p-${stamp}`;
  const ids = {};
  for (const n of names) ids[n] = await createImage(token, n);
  ids[guarded] = await createImage(token, guarded, null, { protected: true });
  try {
    await loginAs(page, 'alice');
    for (const n of [...names, guarded]) await page.getByLabel(`Select ${n}`).check();
    // Each DELETE waits 2 s in the browser before it goes to Glance.
    let deletes = 0;
    await page.route('**/v2/images/*', async (route) => {
      if (route.request().method() === 'DELETE') {
        deletes += 1;
        await sleep(2000);
      }
      await route.continue();
    });
    await page.getByRole('button', { name: 'Delete selected (5)' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Delete 5 images');
    await expect(dialog).toContainText(guarded);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You can leave this page' })).toBeVisible();
    // The first DELETE is on its way (in the release build after the run's code has come).
    await expect.poll(() => deletes).toBeGreaterThan(0);

    // Leave for another page while the deletes are on their way.
    await page.getByRole('link', { name: 'New image' }).click();
    await expect(page).toHaveURL(/\/images\/new$/);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('Deleted 4 of 5 images.', { timeout: 20_000 });
    // The refusal in Glance's words, with its request id.
    await expect(notice).toContainText(guarded);
    await expect(notice).toContainText(/protected/i);
    await expect(notice).toContainText('Request ID');
    // The notice area is a polite live region.
    await expect(page.locator('.notice-area')).toHaveAttribute('aria-live', 'polite');

    for (const n of names) expect((await glance(token, 'GET', `/v2/images/${ids[n]}`)).status).toBe(404);
    expect((await glance(token, 'GET', `/v2/images/${ids[guarded]}`)).status).toBe(200);

    // It stays until dismissed, also after another navigation (in the app: a reload starts
    // the app afresh).
    await page.goBack();
    await expect(page).toHaveURL(/\/images$/);
    await expect(page.getByTestId('notice')).toContainText('Deleted 4 of 5 images.');
    await page.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  } finally {
    await unprotect(token, ids[guarded]);
    for (const id of Object.values(ids)) await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('bulk add members: a project switch mid-way stops the adds not yet sent, and the notice says so', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('dave', 'alpha');
  const name = `e2e-bgadd-${stamp}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  // Six entries (the stack's member quota); four go at once, the rest wait for a free slot.
  const wanted = [1, 2, 3, 4, 5, 6].map(unusedProjectId);
  try {
    await loginAs(page, 'dave', { project: 'alpha', start: `/images/${id}` });
    await expect(page.getByRole('heading', { name })).toBeVisible();
    let posts = 0;
    await page.route(`**/v2/images/${id}/members`, async (route) => {
      if (route.request().method() === 'POST') {
        posts += 1;
        await sleep(3000);
      }
      await route.continue();
    });
    await page.getByLabel(/Project IDs/).fill(wanted.join('\n'));
    await page.locator('form.add-members').getByRole('button', { name: 'Add members', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You can leave this page' })).toBeVisible();
    await expect.poll(() => posts).toBe(4);

    // Switch to beta while the first four are on their way.
    await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText(`Added 4 of 6 projects to the image ${name}.`, { timeout: 20_000 });
    await expect(notice).toContainText('2 not sent: you switched project');
    expect(posts).toBe(4);

    // Glance holds exactly the four that were sent, with the alpha token.
    const members = (await glance(token, 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id).sort();
    expect(members).toEqual(wanted.slice(0, 4).sort());
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('the bulk selection is cleared when the rows change: filter, next page, page size, tab', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const tag = `e2e-sel-${stamp}`;
  const ids = [];
  for (let i = 0; i < 27; i += 1) ids.push(await createImage(token, `e2e-sel-${String(i).padStart(2, '0')}-${stamp}`, null, { tags: [tag] }));
  const deleteButton = (n) => page.getByRole('button', { name: `Delete selected (${n})` });
  const firstBox = () => page.locator('.image-row input[type=checkbox]').first();
  try {
    await loginAs(page, 'alice');
    await firstBox().check();
    await expect(deleteButton(1)).toBeVisible();

    // Applying a filter (the tag is behind "More filters"; opening it keeps the selection).
    await page.getByRole('button', { name: 'More filters' }).click();
    await expect(deleteButton(1)).toBeVisible();
    await page.getByLabel('Tag', { exact: true }).fill(tag);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(deleteButton(0)).toBeVisible();
    await expect(page.locator('.image-row')).toHaveCount(25);

    // Next page, and back.
    await firstBox().check();
    await expect(deleteButton(1)).toBeVisible();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.locator('.image-row')).toHaveCount(2);
    await expect(deleteButton(0)).toBeVisible();
    await firstBox().check();
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.locator('.image-row')).toHaveCount(25);
    await expect(deleteButton(0)).toBeVisible();
    await expect(page.locator('.image-row input[type=checkbox]:checked')).toHaveCount(0);

    // Page size.
    await firstBox().check();
    await page.getByLabel('Per page').selectOption('50');
    await expect(page.locator('.image-row')).toHaveCount(27);
    await expect(deleteButton(0)).toBeVisible();

    // Another tab and back.
    await firstBox().check();
    await expect(deleteButton(1)).toBeVisible();
    await page.locator('nav.tabs').getByRole('link', { name: 'Shared with me' }).click();
    await expect(page).toHaveURL(/view=shared/);
    await page.locator('nav.tabs').getByRole('link', { name: 'My images' }).click();
    await expect(deleteButton(0)).toBeVisible();
    await expect(page.locator('.image-row input[type=checkbox]:checked')).toHaveCount(0);
  } finally {
    for (const id of ids) await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('bulk deactivate and reactivate ask first, naming the images', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const name = `e2e-bgact-${stamp}`;
  const id = await createImage(token, name, Buffer.alloc(4096, 7));
  const status = async () => (await glance(token, 'GET', `/v2/images/${id}`)).json.status;
  try {
    await loginAs(page, 'alice');
    await page.getByLabel(`Select ${name}`).check();
    await page.getByRole('button', { name: 'Deactivate selected (1)' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`Deactivate the image ${name}?`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await status()).toBe('active');

    await page.getByRole('button', { name: 'Deactivate selected (1)' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.locator('.bulk-actions .add-results__item--ok')).toContainText(name);
    expect(await status()).toBe('deactivated');

    await page.getByLabel(`Select ${name}`).check();
    await page.getByRole('button', { name: 'Reactivate selected (1)' }).click();
    await expect(dialog).toContainText(`Reactivate the image ${name}?`);
    await dialog.getByRole('button', { name: 'Reactivate' }).click();
    await expect(page.locator('.bulk-actions .add-results__item--ok')).toContainText('reactivated');
    expect(await status()).toBe('active');
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a slow member-table answer from before a local change does not overwrite it', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const name = `e2e-stale-${stamp}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  const added = unusedProjectId();
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: `p-old-${stamp}` })).status).toBe(200);
  const rows = page.locator('tr.member-row');
  try {
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await expect(rows).toHaveCount(1);
    // The next member list is read from Glance at once (one member) but reaches the page 3 s
    // later, after the user added a member.
    let delivered = false;
    await page.route(`**/v2/images/${id}/members`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      await sleep(3000);
      await route.fulfill({ response });
      delivered = true;
    });
    await page.locator('#sharing').getByRole('button', { name: 'Refresh' }).click();
    await page.getByLabel(/Project IDs/).fill(added);
    await page.locator('form.add-members').getByRole('button', { name: 'Add members', exact: true }).click();
    await expect(rows).toHaveCount(2);
    await expect.poll(() => delivered, { timeout: 10_000 }).toBe(true);
    await sleep(500);
    await expect(rows).toHaveCount(2);
    await expect(page.locator(`tr.member-row[data-member-id="${added}"]`)).toBeVisible();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a slow catalog page for a tab the user already left is never shown', async ({ page }) => {
  await loginAs(page, 'alice');
  await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
  // Anything of the "Shared with me" view on screen, at any moment from now on, is noted.
  await page.evaluate((emptyShared) => {
    window.sawShared = false;
    const look = () => {
      const rows = document.querySelector('.image-row .member-status');
      const empty = [...document.querySelectorAll('.empty-state')].some((e) => e.textContent === emptyShared);
      if (rows || empty) window.sawShared = true;
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, EMPTY_SHARED);
  // The "Shared with me" list is read from Glance at once but reaches the page 3 s later (if
  // the page still waits for it).
  let sharedAsked = false;
  let sharedDone = false;
  const sharedList = (url) => url.pathname.endsWith('/v2/images') && url.searchParams.get('member_status') === 'accepted';
  await page.route(sharedList, async (route) => {
    sharedAsked = true;
    const response = await route.fetch();
    await sleep(3000);
    try { await route.fulfill({ response }); } catch (_) { /* the page aborted it */ }
    sharedDone = true;
  });
  const tabs = page.locator('nav.tabs');
  await tabs.getByRole('link', { name: 'Shared with me' }).click();
  await expect.poll(() => sharedAsked).toBe(true);
  const publicList = page.waitForResponse((r) => r.url().includes('visibility=public'));
  await tabs.getByRole('link', { name: 'Public' }).click();
  // The public list is asked for at once, not after the slow answer.
  await publicList;
  expect(sharedDone).toBe(false);
  await expect(tabs.getByRole('link', { name: 'Public' })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => sharedDone, { timeout: 10_000 }).toBe(true);
  await sleep(500);
  expect(await page.evaluate(() => window.sawShared)).toBe(false);
  await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
});

test('selections and confirmations also hold for dave across projects', async ({ page }) => {
  const stamp = Date.now();
  const token = await tokenFor('dave', 'alpha');
  const name = `e2e-selproj-${stamp}`;
  const id = await createImage(token, name);
  try {
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByLabel(`Select ${name}`).check();
    await expect(page.getByRole('button', { name: 'Delete selected (1)' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
    await expect(page.getByRole('button', { name: 'Delete selected (0)' })).toBeVisible();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a bulk confirmation lists the selected images in the order the table shows them', async ({ page }) => {
  // The selection is kept by image id: listed in that order, the names came out shuffled.
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const names = [1, 2, 3, 4, 5, 6].map((k) => `e2e-order-${k}-${stamp}`);
  const ids = [];
  for (const n of names) ids.push(await createImage(token, n));
  try {
    await loginAs(page, 'alice');
    const mine = page.locator('.image-row__name a').filter({ hasText: `-${stamp}` });
    await expect(mine).toHaveCount(6);
    const shown = await mine.allTextContents();
    // Picked in another order than the table's.
    for (const k of [3, 6, 1, 5, 2, 4]) await page.getByLabel(`Select e2e-order-${k}-${stamp}`).check();
    await page.getByRole('button', { name: 'Delete selected (6)' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`Selected: ${shown.slice(0, 5).join(', ')}`);
    await expect(dialog).toContainText(shown[5]);
    const text = await dialog.textContent();
    const at = shown.map((n) => text.indexOf(n));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // Nothing was deleted.
    for (const id of ids) expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(200);
  } finally {
    for (const id of ids) await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a single Accept answered after the user left is said in a notice on the next page', async ({ page }) => {
  // The row and its page are gone when Glance answers: the outcome goes to the notice area
  // (as "Accept all"'s does), and it is what Glance holds.
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  const name = `e2e-left-accept-${stamp}`;
  const id = await createImage(alice, name, null, { visibility: 'shared' });
  const { beta } = seed.projects;
  expect((await glance(alice, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
  try {
    await loginAs(page, 'bob', { start: '/images?view=invitations' });
    const row = page.getByRole('row').filter({ hasText: name });
    let puts = 0;
    await page.route(`**/v2/images/${id}/members/*`, async (route) => {
      if (route.request().method() === 'PUT') {
        puts += 1;
        await sleep(1500);
      }
      await route.continue().catch(() => {});
    });
    await row.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => puts).toBe(1);
    await page.getByRole('link', { name: 'Access overview' }).click();
    await expect(page).toHaveURL(/\/access$/);
    await expect(page.getByTestId('notice')).toContainText(`You accepted the image ${name}.`, { timeout: 15_000 });
    const member = await glance(alice, 'GET', `/v2/images/${id}/members/${beta}`);
    expect(member.json.status).toBe('accepted');
  } finally {
    await glance(alice, 'DELETE', `/v2/images/${id}`);
  }
});
