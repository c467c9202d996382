// Issue 17 point 1: the catalog's compact filter bar. The name and the tab's main filter sit in
// one row with Apply, Clear and "More filters", whose open state lives in the URL (reload,
// Back and deep links keep it); one chip per filter applied, each removable at once; and on a
// 1280x800 window the first image row starts in the upper half.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, loginAsZh } = require('../lib/app');
const { expectFocused } = require('../lib/keyboard');
const { checkScreen } = require('../lib/axe');

const stamp = Date.now();
const tag = `fb-${stamp}`;
const names = { active: `fb-${stamp}-a`, queued: `fb-${stamp}-b`, qcow: `fb-${stamp}-c` };
const ids = {};

test.beforeAll(async () => {
  // carol's project gamma: one active image (with data) and two queued ones (no data yet).
  const token = await tokenFor('carol');
  ids.active = await createImage(token, names.active, Buffer.alloc(4096, 1), { tags: [tag] });
  ids.queued = await createImage(token, names.queued, null, { tags: [tag] });
  ids.qcow = await createImage(token, names.qcow, null, { tags: [tag], disk_format: 'qcow2' });
});

test.afterAll(async () => {
  const token = await tokenFor('carol');
  for (const id of Object.values(ids)) await glance(token, 'DELETE', `/v2/images/${id}`);
});

const rows = (page) => page.locator('.image-row__name a');
const moreButton = (page, name = 'More filters') => page.getByRole('button', { name });

/** Names Glance lists for gamma with these extra parameters, by name ascending. */
async function glanceNames(params) {
  const token = await tokenFor('carol');
  const r = await glance(token, 'GET', `/v2/images?owner=${seed.projects.gamma}&sort_key=name&sort_dir=asc&limit=25&${params}`);
  expect(r.status).toBe(200);
  return r.json.images.map((i) => i.name);
}

test('"More filters" opens and closes, and the URL keeps it across reload, Back and deep links', async ({ page }) => {
  await loginAs(page, 'carol', { start: '/images?sort=name&dir=asc' });
  const more = moreButton(page);
  // Closed: the name and status are on the bar, the other fields are not shown.
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toHaveAttribute('aria-controls', 'more-filters');
  await expect(page.getByLabel('Name (exact)')).toBeVisible();
  await expect(page.getByLabel('Status', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Tag', { exact: true })).toBeHidden();
  await expect(page.locator('#more-filters')).toBeHidden();

  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page).toHaveURL(/[?&]more=1/);
  await expect(page.locator('#more-filters')).toBeVisible();
  for (const label of ['Tag', 'Disk format', 'Container format', 'Visibility', 'Protected', 'Hidden images',
    'Min size (MiB)', 'Max size (MiB)', 'Name contains (this page only)']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await page.reload();
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Tag', { exact: true })).toBeVisible();

  // Applying a filter keeps it open; so does leaving for an image and coming Back.
  await page.getByLabel('Tag', { exact: true }).fill(tag);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(rows(page)).toHaveText(await glanceNames(`tag=${tag}`));
  await expect(page).toHaveURL(/more=1/);
  await expect(page.getByRole('button', { name: `Remove filter Tag: ${tag}`, exact: true })).toBeVisible();
  await checkScreen(page, 'catalog: More filters open, one chip');
  await page.getByRole('link', { name: names.active }).click();
  await expect(page.getByRole('heading', { name: names.active })).toBeVisible();
  await page.goBack();
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Tag', { exact: true })).toHaveValue(tag);

  // Closed again: the URL says so, and a reload keeps it closed.
  await moreButton(page).click();
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page).not.toHaveURL(/more=/);
  await page.reload();
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Tag', { exact: true })).toBeHidden();

  // A deep link opens it.
  await page.goto('/images?more=1');
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expect(page.getByLabel('Tag', { exact: true })).toBeVisible();
});

test('on Invitations the bar offers the disk format beside the name; the status is under More', async ({ page }) => {
  await loginAs(page, 'carol', { start: '/images?view=invitations' });
  await expect(page.getByLabel('Disk format', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Status', { exact: true })).toBeHidden();
  await moreButton(page).click();
  await expect(page.getByLabel('Status', { exact: true })).toBeVisible();
  // The tab fixes the visibility itself: no visibility field there.
  await expect(page.getByLabel('Visibility', { exact: true })).toHaveCount(0);
});

test('chips show the URL\'s filters; a chip\'s × removes that filter at once, from the first page', async ({ page }) => {
  // A deep link with a filter of the bar, one behind "More filters" (closed), and a page
  // position (after the first image by name).
  const start = `/images?sort=name&dir=asc&status=queued&tag=${tag}&marker=${ids.active}`;
  await loginAs(page, 'carol', { start });
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('button')).toHaveCount(2);
  const statusChip = chips.getByRole('button', { name: 'Remove filter Status: Queued', exact: true });
  const tagChip = chips.getByRole('button', { name: `Remove filter Tag: ${tag}`, exact: true });
  await expect(statusChip).toBeVisible();
  await expect(tagChip).toBeVisible();
  await expect(chips).toContainText('Status: Queued');
  await expect(chips).toContainText(`Tag: ${tag}`);
  // The tag's field is closed away, its chip is shown all the same.
  await expect(page.getByLabel('Tag', { exact: true })).toBeHidden();
  await expect(rows(page)).toHaveText(await glanceNames(`status=queued&tag=${tag}&marker=${ids.active}`));

  // Remove the status: the URL loses it and the page position, the list is Glance's answer
  // for the tag alone, and focus moves to the chip left.
  await statusChip.click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).not.toHaveURL(/marker=/);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  const tagged = await glanceNames(`tag=${tag}`);
  expect(tagged).toEqual([names.active, names.queued, names.qcow]);
  await expect(rows(page)).toHaveText(tagged);
  await expect(chips.getByRole('button')).toHaveCount(1);
  await expectFocused(tagChip, 'focus on the chip left after a removal');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');

  // Remove the last one with the keyboard: no chips left, focus on the name field.
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/tag=/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expectFocused(page.getByLabel('Name (exact)'), 'focus on the name field when no chip is left');
  const all = await glanceNames('');
  await expect(page.locator('.image-row')).toHaveCount(all.length);
  for (const name of tagged) await expect(rows(page).filter({ hasText: name })).toHaveCount(1);
});

test('at 1280x800 the first image row starts in the upper half, without and with a chip', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // alice's My images: the seeded stack's images, with the bulk actions above the list.
  await loginAs(page, 'alice');
  const first = page.locator('.image-row').first();
  await expect(first).toBeVisible();
  const closed = await first.boundingBox();
  expect(closed.y, 'first row top with the filters closed').toBeLessThan(400);

  await page.getByLabel('Status', { exact: true }).selectOption('active');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('button', { name: 'Remove filter Status: Active', exact: true })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  const token = await tokenFor('alice');
  const active = (await glance(token, 'GET', `/v2/images?owner=${seed.projects.alpha}&status=active&limit=25`)).json.images;
  await expect(page.locator('.image-row')).toHaveCount(active.length);
  const withChip = await page.locator('.image-row').first().boundingBox();
  expect(withChip.y, 'first row top with one chip').toBeLessThan(400);
});

test('zh-CN: the bar, its disclosure and the chips speak Chinese', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await loginAsZh(page, 'carol', { start: `/images?sort=name&dir=asc&status=active&tag=${tag}&more=1` });

  await expect(page.getByRole('button', { name: '更多筛选条件' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('标签', { exact: true })).toHaveValue(tag);
  const chips = page.getByRole('list', { name: '当前筛选条件' });
  await expect(chips).toContainText('状态：可用');
  const statusChip = chips.getByRole('button', { name: '移除筛选条件“状态：可用”', exact: true });
  await expect(statusChip).toBeVisible();
  await expect(rows(page)).toHaveText(await glanceNames(`status=active&tag=${tag}`));
  await statusChip.click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(rows(page)).toHaveText(await glanceNames(`tag=${tag}`));
  await expect(chips.getByRole('button', { name: `移除筛选条件“标签：${tag}”`, exact: true })).toBeVisible();
  // Closing: the button still names what it opens.
  await page.getByRole('button', { name: '更多筛选条件' }).click();
  await expect(page.getByRole('button', { name: '更多筛选条件' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('标签', { exact: true })).toBeHidden();
  await ctx.close();
});

test('a name with a colon is found by the exact-name filter (Glance would read "word:" as an operator)', async ({ page }) => {
  const token = await tokenFor('carol');
  const name = `fb-${stamp}:22.04`;
  const id = await createImage(token, name, null, { tags: [tag] });
  try {
    await loginAs(page, 'carol', { start: `/images?name=${encodeURIComponent(name)}` });
    await expect(rows(page)).toHaveText([name]);
    await expect(page.locator('.error-message')).toHaveCount(0);
    // Typed into the bar: the same.
    await page.goto('/images');
    await page.getByLabel('Name (exact)').fill(`javascript:alert(${stamp})`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('.empty-state')).toBeVisible();
    await expect(page.locator('.error-message')).toHaveCount(0);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});
