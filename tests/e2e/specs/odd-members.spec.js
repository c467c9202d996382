// Members and entries from the fifth exploratory pass: a member id outside ASCII (Glance reads
// the path as Latin-1, so no request reaches it), Chinese separators, upper-case ids, and a
// right-to-left override that must not turn the app's own sentences. Checked against what
// Glance really holds.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');

const { beta, gamma } = seed.projects;
const memberRow = (page, memberId) => page.locator(`tr.member-row[data-member-id="${memberId}"]`);
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

async function sharedImage(prefix) {
  const id = await createImage(await tokenFor('alice'), `${prefix}-${Date.now()}`, null, { visibility: 'shared' });
  created.push(id);
  return id;
}

async function memberIds(id) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`);
  expect(r.status).toBe(200);
  return r.json.members.map((m) => m.member_id).sort();
}

test('a member id outside ASCII gets a note instead of a Remove that cannot reach it; the access overview says it was not removed', async ({ page }) => {
  const errors = watchErrors(page);
  const id = await sharedImage('e2e-odd-member');
  const odd = '\u202Eatled';
  const token = await tokenFor('alice');
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: odd })).status).toBe(200);
  const sent = [];
  page.on('request', (r) => { if (r.method() === 'DELETE') sent.push(r.url()); });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const row = memberRow(page, odd);
  await expect(row.getByRole('note')).toContainText('a character outside ASCII');
  await expect(row.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // The access overview's "Remove access" for that row: refused before any request, and the
  // row stays (Glance still holds the member).
  await page.goto('/access');
  const line = page.locator(`tr[data-image="${id}"]`);
  await expect(line).toHaveCount(1);
  await line.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Remove access (1)' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  const failed = page.locator('.result--failed');
  await expect(failed).toContainText('cannot be used in a web address');
  // Isolated in the sentence: the override cannot reverse the words after it.
  expect(await failed.textContent()).toContain(`\u2068${odd}\u2069`);
  await expect(page.locator('.result--done')).toHaveCount(0);
  await expect(line).toHaveCount(1);
  expect(sent).toEqual([]);
  expect(await memberIds(id)).toEqual([odd]);
  expect(errors).toEqual([]);
});

test('Chinese commas separate projects to add; an upper-case id is asked about before Glance keeps it', async ({ page }) => {
  const id = await sharedImage('e2e-zh-commas');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const box = page.getByLabel(/Project IDs/);
  const add = page.getByRole('button', { name: 'Add members', exact: true });
  await box.fill(`${beta}，${gamma}`);
  await add.click();
  await expect(page.locator('.add-results .add-results__item--ok')).toHaveCount(2);
  expect(await memberIds(id)).toEqual([beta, gamma].sort());

  // Keystone writes ids in lower case: the upper-case form is no project's id.
  const upper = '4B12E8533EF74960830B78E7E8C8B2ED';
  await box.fill(upper);
  await add.click();
  const question = page.getByRole('alert').filter({ hasText: 'Not the name of one of your projects' });
  await expect(question).toContainText(upper);
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(await memberIds(id)).toEqual([beta, gamma].sort());
});

test('tags typed with Chinese commas on the create page become separate tags', async ({ page }) => {
  await loginAs(page, 'alice', { start: '/images/new' });
  const name = `e2e-zh-tags-${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Disk format').selectOption('raw');
  await page.getByLabel('Tags (comma separated)').fill('甲，乙、丙');
  await page.getByLabel('Image file').setInputFiles({ name: 'x.raw', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1024) });
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  const id = (await page.getByRole('link', { name: 'Open the image' }).getAttribute('href')).split('/').pop();
  created.push(id);
  const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  expect(img.name).toBe(name);
  expect([...img.tags].sort()).toEqual(['丙', '乙', '甲'].sort());
});
