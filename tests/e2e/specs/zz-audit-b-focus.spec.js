const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const { tabTo, focusedInfo } = require('../lib/keyboard');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
async function img(tag, fields = {}, user = 'alice') {
  const name = `audit-b-${RAND}-${tag}`;
  const id = await createImage(await tokenFor(user), name, Buffer.alloc(512, 1), fields);
  return { id, name };
}
const where = async (page, what) => { await page.waitForTimeout(1200); console.log(`FOCUS after ${what}:`, JSON.stringify(await focusedInfo(page)).slice(0, 200)); };

test('focus after keyboard actions', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const a = await img('kbd-del');
  const b1 = await img('kbd-bulk1');
  const b2 = await img('kbd-bulk2');
  await page.goto('/login');
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('alice-pass');
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText('alice');
  await where(page, 'login with Enter');

  // Delete from detail page with keyboard
  await page.goto(`/images/${a.id}`);
  const del = page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Delete' });
  await tabTo(page, del); await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/images(\?|$)/);
  await where(page, 'delete on detail (lands on catalog)');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) { await tabTo(page, dismiss.first()); await page.keyboard.press('Enter'); await where(page, 'Dismiss notice'); }

  // filter chip remove
  await page.goto(`/images?name=${encodeURIComponent(b1.name)}`);
  const chip = page.getByRole('button', { name: /Remove filter/ }).first();
  await tabTo(page, chip); await page.keyboard.press('Enter');
  await where(page, 'chip ×');
  await page.goto(`/images?name=${encodeURIComponent(b1.name)}`);
  const clear = page.getByRole('button', { name: 'Clear' });
  await tabTo(page, clear); await page.keyboard.press('Enter');
  await where(page, 'Clear filters');

  // bulk delete by keyboard
  for (const b of [b1, b2]) {
    const cb = page.locator('.image-row', { hasText: b.name }).getByRole('checkbox');
    await tabTo(page, cb); await page.keyboard.press('Space');
  }
  const bulk = page.getByRole('button', { name: /Delete selected/ });
  await tabTo(page, bulk); await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); await page.keyboard.press('Enter');
  await where(page, 'bulk delete confirm');
  await page.waitForTimeout(1500);
  await where(page, 'bulk delete done');

  // edit: add property then remove it by keyboard; discard changes
  const c = await img('kbd-edit');
  await page.goto(`/images/${c.id}`);
  await page.getByLabel('Name', { exact: true }).fill('x');
  const discard = page.getByRole('button', { name: 'Discard changes' });
  if (await discard.count()) { await tabTo(page, discard); await page.keyboard.press('Enter'); await where(page, 'Discard changes'); }
  const save = page.getByRole('button', { name: 'Save' });
  await tabTo(page, save); await page.keyboard.press('Enter');
  await where(page, 'Save (nothing changed)');
  const vis = page.getByRole('radio', { name: /Shared/ });
  await tabTo(page, page.getByRole('radio', { checked: true }).first());
  await page.keyboard.press('ArrowDown'); await where(page, 'visibility arrow');
  // logout by keyboard
  const out = page.getByRole('button', { name: 'Log out' });
  await tabTo(page, out, { back: true, max: 200 }); await page.keyboard.press('Enter');
  await where(page, 'logout');
  console.log('ERR', errors);
});

test('dave: project switch and bob Accept all by keyboard', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'dave', { project: 'alpha' });
  const sw = page.getByLabel('Project', { exact: true });
  await tabTo(page, sw); await page.keyboard.press('ArrowDown');
  await where(page, 'project switch arrow');
  const x = await img('kbd-acc1', { visibility: 'shared' });
  const t = await tokenFor('alice');
  await glance(t, 'POST', `/v2/images/${x.id}/members`, { member: seed.projects.gamma });
  const carol = await browser.newPage();
  await loginAs(carol, 'carol', { start: '/images?view=invitations' });
  const all = carol.getByRole('button', { name: /Accept all/ });
  await tabTo(carol, all); await carol.keyboard.press('Enter');
  await carol.keyboard.press('Tab'); await carol.keyboard.press('Enter');
  await where(carol, 'accept all');
  console.log('ERR', errors);
});
