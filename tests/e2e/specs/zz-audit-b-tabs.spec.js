const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });

async function duplicateTab(context, page) {
  const storage = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  const p2 = await context.newPage();
  await p2.addInitScript((s) => { if (!sessionStorage.length) for (const [k, v] of JSON.parse(s)) sessionStorage.setItem(k, v); }, storage);
  return p2;
}

test('two tabs: logout in one, then act in the other', async ({ page, context }) => {
  const errors = watchErrors(page);
  const id = await createImage(await tokenFor('alice'), `audit-b-${RAND}-tabs`, Buffer.alloc(256, 1));
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const p2 = await duplicateTab(context, page);
  const errors2 = watchErrors(p2);
  await p2.goto(`/images/${id}`);
  await expect(p2.getByRole('heading', { level: 1 })).toBeVisible();
  await p2.getByLabel('Name', { exact: true }).fill(`audit-b-${RAND}-tabs-renamed`);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // Tab 2: save
  await p2.getByRole('button', { name: 'Save' }).click();
  const dialog = p2.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  console.log('dialog text', (await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 300));
  await dialog.getByLabel('Password', { exact: true }).fill('alice-pass');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  console.log('after relogin name field', await p2.getByLabel('Name', { exact: true }).inputValue());
  await p2.waitForTimeout(500);
  console.log('status', await p2.locator('[role=status]').allInnerTexts(), 'alerts', await p2.locator('[role=alert]').allInnerTexts());
  await p2.getByRole('button', { name: 'Save' }).click();
  await p2.waitForTimeout(1500);
  console.log('glance name', (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.name);
  // tab 1 logs in again fresh; tab 2 logs out; tab 1 acts
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await p2.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' }).click();
  await page.waitForTimeout(1500);
  console.log('tab1 after tab2 logout (different tokens): dialogs', await page.getByRole('dialog').count(), 'status', (await page.locator('[role=status]').allInnerTexts()).filter(Boolean));
  await glance(await tokenFor('alice'), 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
  console.log('ERR', errors, errors2);
});

test('re-login dialog: wrong user (bob) typed into alice\'s session dialog', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  const token = await page.evaluate(() => Object.values(sessionStorage).join('\n'));
  // revoke alice token directly
  const m = token.match(/"token"\s*:\s*"([^"]+)"/) || token.match(/(gAAAA[\w-]+)/);
  console.log('found token', !!m);
  if (!m) return;
  const t = await tokenFor('alice');
  const r = await fetch(`${seed.keystone_url}/auth/tokens`, { method: 'DELETE', headers: { 'X-Auth-Token': t, 'X-Subject-Token': m[1] } });
  console.log('revoke', r.status);
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  console.log('fields', await dialog.locator('input').evaluateAll((els) => els.map((e) => `${e.type}:${e.value}:${e.readOnly}`)));
  console.log('ERR', errors);
});
