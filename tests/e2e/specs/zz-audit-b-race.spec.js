const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
async function img(tag, fields = {}) {
  const name = `audit-b-${RAND}-${tag}`;
  const id = await createImage(await tokenFor('alice'), name, Buffer.alloc(512, 1), fields);
  return { id, name };
}
const held = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
const mainText = async (page) => (await page.locator('#main').innerText()).replace(/\s+/g, ' ');

test('detail B -> history.go(-2) to detail A while B\'s Protect is in flight and A loads slowly', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('race-A'); const B = await img('race-B');
  await loginAs(page, 'alice', { start: `/images/${A.id}` });
  await expect(page.getByRole('heading', { level: 1, name: A.name })).toBeVisible();
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  await page.getByRole('link', { name: B.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: B.name })).toBeVisible();
  let releaseB, releaseA;
  const gateB = new Promise((r) => { releaseB = r; });
  const gateA = new Promise((r) => { releaseA = r; });
  await page.route(`**/image/v2/images/${B.id}`, async (route) => { if (route.request().method() === 'PATCH') await gateB; await route.continue(); });
  await page.route(`**/image/v2/images/${A.id}`, async (route) => { if (route.request().method() === 'GET') await gateA; await route.continue().catch(() => {}); });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' }).click();
  await page.evaluate(() => history.go(-2));
  await page.waitForTimeout(800);
  console.log('URL', page.url(), '\n  while A loads:', (await mainText(page)).slice(0, 200));
  releaseB();
  await page.waitForTimeout(1000);
  console.log('  after B answer:', (await mainText(page)).slice(0, 200), '\n  notice:', await page.getByTestId('notice').allInnerTexts());
  console.log('  status lines:', await page.locator('[role=status]').allInnerTexts());
  releaseA();
  await page.waitForTimeout(1500);
  console.log('  after A loads:', (await mainText(page)).slice(0, 200), '\n  notice:', await page.getByTestId('notice').allInnerTexts());
  console.log('  glance A.protected', (await held(A.id)).protected, 'B.protected', (await held(B.id)).protected);
  await glance(await tokenFor('alice'), 'PATCH', `/v2/images/${B.id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
  console.log('ERR', errors);
});

test('an action answered after logout and a login by another user of the same project', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('race-logout');
  await loginAs(page, 'alice', { start: `/images/${A.id}` });
  let release; const gate = new Promise((r) => { release = r; });
  await page.route(`**/image/v2/images/${A.id}`, async (route) => { if (route.request().method() === 'PATCH') await gate; await route.continue().catch((e) => console.log('continue failed', e.message)); });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Hide from lists' }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await loginAs(page, 'dave', { project: 'alpha', start: null });
  release();
  await page.waitForTimeout(2000);
  console.log('dave sees notices:', await page.getByTestId('notice').allInnerTexts(), 'url', page.url());
  console.log('glance hidden', (await held(A.id)).os_hidden);
  console.log('ERR', errors);
});

test('edit: leave mid-save; save answered 409 (changed elsewhere)', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('race-edit');
  await loginAs(page, 'alice', { start: `/images/${A.id}` });
  let release; const gate = new Promise((r) => { release = r; });
  await page.route(`**/image/v2/images/${A.id}`, async (route) => { if (route.request().method() === 'GET' && gate) { await gate; } await route.continue().catch(() => {}); });
  await page.getByLabel('Minimum RAM (MB)').fill('2048');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  // meanwhile someone else changes min_disk
  await glance(await tokenFor('alice'), 'PATCH', `/v2/images/${A.id}`, [{ op: 'replace', path: '/min_disk', value: 7 }], 'application/openstack-images-v2.1-json-patch');
  release();
  await page.waitForTimeout(1500);
  console.log('notice:', await page.getByTestId('notice').allInnerTexts());
  await page.unroute(`**/image/v2/images/${A.id}`);
  await page.goBack();
  await page.waitForTimeout(1500);
  console.log('min ram field after back:', await page.getByLabel('Minimum RAM (MB)').inputValue(), 'glance min_ram', (await held(A.id)).min_ram);
  console.log('ERR', errors);
});
