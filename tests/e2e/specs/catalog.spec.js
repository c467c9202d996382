// Catalog basics against the seeded stack: tabs as real Glance queries, the invitation
// badge, the detail page and its not-found state, and language switching.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');

test('bob sees the pending invitation as a badge and in the Invitations tab', async ({ page }) => {
  // What Glance says is pending for beta (other tests may have left invitations behind).
  const pending = (await glance(await tokenFor('bob'), 'GET', '/v2/images?visibility=shared&member_status=pending&limit=100')).json.images;
  expect(pending.map((i) => i.name)).toContain('alpha-shared-with-beta');
  await loginAs(page, 'bob');
  expect(await imageNames(page)).toEqual(['beta-private']);
  // The header's count, named apart from the Invitations tab beside it.
  const badge = page.getByRole('link', { name: `${pending.length} to answer`, exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleDescription('Image invitations waiting for this project’s answer');
  await badge.click();
  await expect(page).toHaveURL(/view=invitations/);
  await expect(page.locator('.image-row__name a')).toHaveText(pending.map((i) => i.name));
  await expect(page.getByRole('row').filter({ hasText: 'alpha-shared-with-beta' }).locator('.member-status')).toHaveText('Pending');
  // The owner column shows the id: bob cannot look up alpha's name.
  await expect(page.getByRole('row').filter({ hasText: 'alpha-shared-with-beta' })).toContainText(seed.projects.alpha);
  await page.getByRole('link', { name: 'Shared with me' }).click();
  await expect(page.getByText('No images shared with this project yet.')).toBeVisible();
});

test('project names arriving after the rows fill in the owner cell and leave an open confirmation and focus alone', async ({ page }) => {
  // Keystone's list of dave's projects held back (injected): Glance's rows come first, as on
  // a slow Keystone, and the names arrive while the user is already acting on a row.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/identity/v3/auth/projects', async (route) => { await held; await route.continue(); });
  await loginAs(page, 'dave', { project: 'beta', start: '/images?view=invitations' });
  const row = page.getByRole('row').filter({ hasText: 'alpha-shared-with-beta' });
  const owner = row.locator('.image-row__owner > span').first();
  await expect(owner).toHaveText(seed.projects.alpha);
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  await cancel.focus();
  release();
  // dave is in alpha: its name replaces the id in the row under the dialog.
  await expect(owner).toHaveText('alpha');
  await expect(dialog).toBeVisible();
  await expect(cancel).toBeFocused();
  await cancel.click();
  await expect(dialog).toBeHidden();
  // The row's controls, hidden from a screen reader while the dialog was open, are back and
  // carry the name.
  await expect(row.getByRole('button', { name: 'Copy project ID (alpha)' })).toBeVisible();
  // Nothing was answered: Glance still holds the invitation as pending.
  const member = await glance(await tokenFor('dave', 'beta'), 'GET', `/v2/images/${seed.images['alpha-shared-with-beta']}/members/${seed.projects.beta}`);
  expect(member.json.status).toBe('pending');
});

test('the detail page shows fields, checksums and custom properties; unknown ids say not found', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
  await expect(page.locator('.fields')).toContainText(seed.images['alpha-cirros']);
  await expect(page.locator('.fields')).toContainText('qcow2');
  await expect(page.locator('.fields__hash')).toContainText('sha512:');
  await page.goto('/images/00000000-0000-0000-0000-000000000000');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Image not found');
  await expect(page.getByRole('alert')).toContainText('Image not found: 00000000-0000-0000-0000-000000000000');
  // An address decoded once, as the browser shows it: %2541bc names "%41bc", which is asked
  // of Glance encoded again (not "Abc").
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/v2/images/') && r.method() === 'GET') asked.push(new URL(r.url()).pathname); });
  await page.goto('/images/%2541bc');
  await expect(page.getByRole('alert')).toContainText('Image not found: %41bc.');
  expect(asked.filter((p) => p.endsWith('bc'))).toEqual(['/image/v2/images/%2541bc']);
});

test('the language switch turns the UI into Simplified Chinese and is remembered', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
  await expect(page.getByRole('link', { name: '我的镜像' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await page.reload();
  await expect(page.getByRole('link', { name: '我的镜像' })).toBeVisible();
});

test('an admin gets the All tab, listing images of every project', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(seed.admin.password);
  await page.getByLabel('Project', { exact: true }).fill('admin');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('admin');
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await page.getByRole('combobox', { name: 'Sort by', exact: true }).selectOption('name');
  await page.getByLabel('Order').selectOption('asc');
  await page.getByLabel('Name (exact)').fill('beta-private');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.image-row__name a')).toHaveText(['beta-private']);
  await page.getByLabel('Name (exact)').fill('alpha-cirros');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.image-row__name a')).toHaveText(['alpha-cirros']);
});

test('members do not get the All tab', async ({ page }) => {
  await loginAs(page, 'alice');
  await expect(page.getByRole('link', { name: 'My images' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'All', exact: true })).toHaveCount(0);
});

test('the size filter in MiB asks Glance for exact byte bounds and survives a reload', async ({ page }) => {
  const token = await tokenFor('alice');
  const tag = `e2e-size-${Date.now()}`;
  const sizes = { small: 50 * 1024, middle: 200 * 1024, big: 2 * 1024 * 1024 };
  const ids = [];
  for (const [name, size] of Object.entries(sizes)) ids.push(await createImage(token, `${tag}-${name}`, Buffer.alloc(size, 3), { tags: [tag] }));
  try {
    const lists = [];
    page.on('request', (r) => { if (r.url().includes('/v2/images?') && r.url().includes(tag)) lists.push(r.url()); });
    await loginAs(page, 'alice');
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByLabel('Tag').fill(tag);
    await page.getByLabel('Min size (MiB)').fill('0.1');
    await page.getByLabel('Max size (MiB)').fill('1.5');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('.image-row__name a')).toHaveText([`${tag}-middle`]);
    // 0.1 MiB is 104857.6 bytes, rounded to the nearest byte; 1.5 MiB is exact.
    expect(lists.at(-1)).toContain('size_min=104858');
    expect(lists.at(-1)).toContain('size_max=1572864');
    await page.reload();
    await expect(page.locator('.image-row__name a')).toHaveText([`${tag}-middle`]);
    await expect(page.getByLabel('Min size (MiB)')).toHaveValue('0.1');
    await expect(page.getByLabel('Max size (MiB)')).toHaveValue('1.5');
  } finally {
    for (const id of ids) await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('"Back to images" returns to the tab, sort and filters the image was opened from, per project', async ({ page }) => {
  await loginAs(page, 'dave', { project: 'alpha' });
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name' });
  await expect(page).toHaveURL(/view=public/);
  await expect(page).toHaveURL(/sort/);
  const listed = page.url();
  await page.getByRole('link', { name: 'alpha-public-tools', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'alpha-public-tools' })).toBeVisible();
  const back = page.getByRole('link', { name: '← Back to images' });
  await expect(back).toHaveAttribute('href', new URL(listed).pathname + new URL(listed).search);
  // Neither it nor the header's title link is "the current page" here.
  await expect(back).not.toHaveAttribute('aria-current');
  await expect(page.getByRole('link', { name: 'Image Sharing' })).not.toHaveAttribute('aria-current');
  await back.click();
  await expect(page).toHaveURL(listed);
  await expect(page.getByRole('link', { name: 'Public', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('combobox', { name: 'Sort by' }).locator('option:checked')).toHaveText('Name');
  // Another project: its own catalog from the start, not alpha's view.
  await page.getByRole('link', { name: 'alpha-public-tools', exact: true }).click();
  await expect(page.getByRole('link', { name: '← Back to images' })).toHaveAttribute('href', /view=public/);
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
  await expect(page.getByRole('combobox', { name: 'Project', exact: true }).locator('option:checked')).toHaveText('beta');
  await expect(page.getByRole('link', { name: '← Back to images' })).toHaveAttribute('href', '/images');
});

test('a column header sorts the list: Name A→Z, again Z→A; aria-sort and the Sort by box follow, the focus stays', async ({ page }) => {
  await loginAs(page, 'alice');
  const table = page.getByRole('table', { name: 'Images on this page' });
  await expect(table).toBeVisible();
  // By default the newest first: the Created header says so.
  await expect(table.getByRole('columnheader', { name: 'Created', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('columnheader', { name: 'Name', exact: true })).not.toHaveAttribute('aria-sort', /.+/);
  // A search by label finds the Status filter only, not the header.
  await expect(page.getByLabel('Status', { exact: true })).toHaveCount(1);
  // Headers Glance cannot sort by are no buttons.
  await expect(table.getByRole('button', { name: 'Owner', exact: true })).toHaveCount(0);

  const names = () => page.locator('.image-row__name a').allTextContents();
  const byName = table.getByRole('button', { name: 'Name', exact: true });
  await byName.click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(table.getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('combobox', { name: 'Sort by', exact: true })).toHaveValue('name');
  await expect(page.getByLabel('Order')).toHaveValue('asc');
  const up = await names();
  expect(up.length).toBeGreaterThan(1);
  // What Glance answered for the same query, in its order.
  const token = await tokenFor('alice');
  const glanceOrder = async (dir) => (await glance(token, 'GET', `/v2/images?owner=${seed.projects.alpha}&sort_key=name&sort_dir=${dir}&limit=${up.length}`)).json.images.map((i) => i.name ?? '');
  expect(up.filter((n) => n !== '(no name)')).toEqual((await glanceOrder('asc')).filter((n) => n !== ''));
  // The list was made again, and the focus is back on the header that asked for it.
  await expect(table.getByRole('button', { name: 'Name', exact: true })).toBeFocused();

  // The same header again, by keyboard: Z→A.
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Order')).toHaveValue('desc');
  const down = await names();
  expect(down.filter((n) => n !== '(no name)')).toEqual((await glanceOrder('desc')).filter((n) => n !== ''));
  expect(down).not.toEqual(up);
});
