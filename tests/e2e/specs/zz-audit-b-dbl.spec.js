const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
const created = [];
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
async function img(tag, data, fields = {}) {
  const name = `audit-b-${RAND}-${tag}`;
  const id = await createImage(await tokenFor('alice'), name, data, fields);
  created.push(id); return { id, name };
}
const held = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
/** Two clicks at the same point, `gap` ms apart (a user's double click). */
async function twice(page, locator, gap = 120) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(gap);
  const under = await page.evaluate(([x, y]) => { const e = document.elementFromPoint(x, y); return e ? `${e.tagName} ${e.textContent.trim().slice(0, 40)}` : null; }, [x, y]);
  await page.mouse.click(x, y);
  return under;
}
function log(page) {
  const reqs = [];
  page.on('request', (r) => { if (/\/v2\//.test(r.url()) && r.method() !== 'GET') reqs.push(`${r.method()} ${r.url().replace(/^.*\/v2\//, '')}`); });
  return reqs;
}

test('detail: double clicks on Protect, Hide, Deactivate', async ({ page }) => {
  const errors = watchErrors(page);
  const reqs = log(page);
  const { id } = await img('dbl-flags', Buffer.alloc(1024, 1));
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const actions = page.getByRole('region', { name: 'Actions' });
  for (const [label, gap] of [['Protect', 120], ['Hide from lists', 120], ['Deactivate', 120], ['Protect', 10]]) {
    reqs.length = 0;
    await expect(actions.getByRole('button', { name: label })).toBeEnabled();
    const under = await twice(page, actions.getByRole('button', { name: label }), gap);
    await page.waitForTimeout(1500);
    const h = await held(id);
    const buttons = await actions.getByRole('button').allInnerTexts();
    console.log(`${label} gap=${gap}: under2nd=${under} reqs=${JSON.stringify(reqs)} glance protected=${h.protected} hidden=${h.os_hidden} status=${h.status} buttons=${buttons}`);
    // reset
    await glance(await tokenFor('alice'), 'PATCH', `/v2/images/${id}`, undefined);
  }
  console.log('ERR', errors);
});

const { beta, gamma } = seed.projects;
async function sharedWithBeta(tag) {
  const r = await img(tag, Buffer.alloc(1024, 2), { visibility: 'shared' });
  expect((await glance(await tokenFor('alice'), 'POST', `/v2/images/${r.id}/members`, { member: beta })).status).toBe(200);
  return r;
}
const memberStatus = async (id, m = beta) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members/${m}`)).json?.status;

test('consumer: double click Accept on the detail page and in the catalog row', async ({ page }) => {
  const errors = watchErrors(page);
  const reqs = log(page);
  const a = await sharedWithBeta('dbl-accept-detail');
  await loginAs(page, 'bob', { start: `/images/${a.id}` });
  const accept = page.getByRole('button', { name: 'Accept', exact: true }).first();
  await expect(accept).toBeVisible();
  const under = await twice(page, accept, 150);
  await page.waitForTimeout(1500);
  console.log(`detail accept: under2nd=${under} reqs=${JSON.stringify(reqs)} status=${await memberStatus(a.id)} dialog=${await page.getByRole('alertdialog').count()}`);
  console.log('MAIN', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(0, 600));
  await page.keyboard.press('Escape');

  const b = await sharedWithBeta('dbl-accept-row');
  reqs.length = 0;
  await page.goto('/images?view=invitations');
  const row = page.locator('.image-row', { hasText: b.name });
  await expect(row).toBeVisible();
  const under2 = await twice(page, row.getByRole('button', { name: /^Accept/ }), 150);
  await page.waitForTimeout(1500);
  console.log(`row accept: under2nd=${under2} reqs=${JSON.stringify(reqs)} status=${await memberStatus(b.id)} dialog=${await page.getByRole('alertdialog').count()}`);
  console.log('ERR', errors);
});

test('owner: double click Add members, and Remove + confirm', async ({ page }) => {
  const errors = watchErrors(page);
  const reqs = log(page);
  const a = await img('dbl-add', Buffer.alloc(1024, 3), { visibility: 'shared' });
  await loginAs(page, 'alice', { start: `/images/${a.id}` });
  await page.getByLabel(/Project IDs/).fill(gamma);
  const under = await twice(page, page.getByRole('button', { name: 'Add members' }), 150);
  await page.waitForTimeout(1500);
  console.log(`add: under2nd=${under} reqs=${JSON.stringify(reqs)} status=${await memberStatus(a.id, gamma)}`);
  console.log('MAIN', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(-700));
  reqs.length = 0;
  const row = page.locator(`tr.member-row[data-member-id="${gamma}"]`);
  await row.getByRole('button', { name: /Remove/ }).click();
  const dlg = page.getByRole('alertdialog');
  await expect(dlg).toBeVisible();
  const under2 = await twice(page, dlg.getByRole('button', { name: 'Remove' }), 150);
  await page.waitForTimeout(1500);
  console.log(`remove: under2nd=${under2} reqs=${JSON.stringify(reqs)} status=${await memberStatus(a.id, gamma)} focus=${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
  console.log('ERR', errors);
});

test('owner: Delete confirm double click, then what is under it', async ({ page }) => {
  const errors = watchErrors(page);
  const reqs = log(page);
  const a = await img('dbl-delete', Buffer.alloc(1024, 4));
  await loginAs(page, 'alice', { start: `/images/${a.id}` });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Delete' }).click();
  const dlg = page.getByRole('alertdialog');
  const under = await twice(page, dlg.getByRole('button', { name: 'Delete' }), 150);
  await page.waitForTimeout(2000);
  console.log(`delete: under2nd=${under} reqs=${JSON.stringify(reqs)} url=${page.url()} notice=${await page.getByTestId('notice').allInnerTexts()}`);
  console.log('ERR', errors);
});

test('logout double click, and Log out while a list is loading', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  const under = await twice(page, page.getByRole('button', { name: 'Log out' }), 150);
  await page.waitForTimeout(1500);
  console.log(`logout: under2nd=${under} url=${page.url()} focus=${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
  console.log('ERR', errors);
});
