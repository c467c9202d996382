const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
const created = [];
test.afterAll(async () => { const t = await tokenFor('alice'); for (const id of created) await glance(t, 'DELETE', `/v2/images/${id}`); });
async function img(tag, fields = {}) {
  const name = `audit-b-${RAND}-${tag}`;
  const id = await createImage(await tokenFor('alice'), name, null, fields);
  created.push(id); return { id, name };
}
const held = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;

test('leave mid-save, save fails: is the typing kept?', async ({ page }) => {
  const errors = watchErrors(page);
  const { id, name } = await img('save-fail');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  let release; const gate = new Promise((r) => { release = r; });
  await page.route(`**/image/v2/images/${id}`, async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    await gate;
    await route.fulfill({ status: 500, contentType: 'text/html', body: '<html><body><h1>500 Internal Server Error</h1></body></html>' });
  });
  await page.getByLabel('Name', { exact: true }).fill(`${name}-typed-important`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForTimeout(300);
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  await expect(page).toHaveURL(/\/images(\?|$)/);
  release();
  await page.waitForTimeout(1500);
  console.log('NOTICE:', await page.getByTestId('notice').allInnerTexts());
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(1000);
  console.log('NAME FIELD AFTER BACK:', await page.getByLabel('Name', { exact: true }).inputValue());
  console.log('HELD:', (await held(id)).name);
  console.log('ERRORS', errors);
});

const fs = require('fs');
const FILE = '/tmp/audit-b/disk.raw';
fs.mkdirSync('/tmp/audit-b', { recursive: true });
fs.writeFileSync(FILE, Buffer.alloc(64 * 1024, 7));

async function byName(name) {
  return (await glance(await tokenFor('alice'), 'GET', `/v2/images?name=${encodeURIComponent(name)}`)).json.images;
}

for (const how of ['dblclick', 'enter-enter', 'click-delay']) {
  test(`create: double submit (${how})`, async ({ page }) => {
    const errors = watchErrors(page);
    const name = `audit-b-${RAND}-create-${how}`;
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && /\/v2\/images$/.test(r.url())) posts.push(r.url()); });
    await loginAs(page, 'alice', { start: '/images/new' });
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Disk format').selectOption('raw');
    await page.getByLabel('Image file').setInputFiles(FILE);
    const btn = page.getByRole('button', { name: 'Create image' });
    if (how === 'dblclick') await btn.dblclick();
    else if (how === 'enter-enter') { await page.getByLabel('Name', { exact: true }).press('Enter'); await page.getByLabel('Name', { exact: true }).press('Enter'); }
    else { await btn.click(); await page.waitForTimeout(150); await btn.click({ force: true }).catch((e) => console.log('2nd click failed', e.message.slice(0, 100))); }
    await page.waitForTimeout(4000);
    const imgs = await byName(name);
    for (const i of imgs) created.push(i.id);
    console.log(how, 'POSTS', posts.length, 'IMAGES', imgs.map((i) => `${i.id}:${i.status}`));
    console.log('MAIN', (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(-400));
    console.log('ERR', errors);
  });
}
