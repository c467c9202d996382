const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
const slow = (ms) => async (route) => { await new Promise((r) => setTimeout(r, ms)); await route.continue().catch(() => {}); };

test('dave: project switch, language switch and logout while /access reads members slowly', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'dave', { project: 'alpha' });
  await page.route(/\/v2\/images\/[^/?]+\/members$/, slow(2500));
  await page.goto('/access');
  await page.waitForTimeout(500);
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
  await page.waitForTimeout(300);
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  await page.waitForTimeout(4000);
  console.log('access after switch:', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(0, 300));
  await page.getByLabel(/Language|语言/).selectOption('en');
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'alpha' });
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForTimeout(4000);
  console.log('after logout url', page.url());
  console.log('ERR', errors);
});

test('dave: project switch while an edit save and a protect are in flight on the detail page', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-sw`;
  const id = await createImage(await tokenFor('dave', 'alpha'), name, Buffer.alloc(100, 1));
  await loginAs(page, 'dave', { project: 'alpha', start: `/images/${id}` });
  await page.route(`**/image/v2/images/${id}`, async (route) => { if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, 2500)); await route.continue().catch(() => {}); });
  await page.getByLabel('Minimum RAM (MB)').fill('1024');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' }).click();
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
  await page.waitForTimeout(4000);
  console.log('detail after switch:', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(0, 300));
  console.log('notices', await page.getByTestId('notice').allInnerTexts());
  const img = (await glance(await tokenFor('dave', 'alpha'), 'GET', `/v2/images/${id}`)).json;
  console.log('glance', img.min_ram, img.protected);
  await glance(await tokenFor('dave', 'alpha'), 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
  console.log('ERR', errors);
});

test('bob: language switch and navigation while Accept is in flight in the Invitations tab', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-inv`;
  const t = await tokenFor('alice');
  const id = await createImage(t, name, Buffer.alloc(100, 1), { visibility: 'shared' });
  await glance(t, 'POST', `/v2/images/${id}/members`, { member: seed.projects.beta });
  await loginAs(page, 'bob', { start: '/images?view=invitations' });
  await page.route(/\/members\/[0-9a-f]{32}$/, slow(2500));
  const row = page.locator('.image-row', { hasText: name });
  await row.getByRole('button', { name: /^Accept/ }).click();
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  await page.getByRole('link', { name: /共享给我|Shared with me/ }).first().click();
  await page.waitForTimeout(600);
  await page.goBack();
  await page.waitForTimeout(3500);
  console.log('after:', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(0, 300), '\n notices', await page.getByTestId('notice').allInnerTexts());
  await page.getByLabel(/Language|语言/).selectOption('en');
  console.log('ERR', errors);
});
