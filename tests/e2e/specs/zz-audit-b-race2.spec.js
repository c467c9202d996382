const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
async function img(tag, fields = {}, user = 'alice', project) {
  const name = `audit-b-${RAND}-${tag}`;
  const id = await createImage(await tokenFor(user, project), name, Buffer.alloc(512, 1), fields);
  return { id, name };
}
const held = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
const { beta, gamma } = seed.projects;

test('visibility: rapid clicks Shared, Community, Private with slow PATCHes', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('vis');
  await loginAs(page, 'alice', { start: `/images/${A.id}` });
  const patches = [];
  await page.route(`**/image/v2/images/${A.id}`, async (route) => {
    if (route.request().method() === 'PATCH') { patches.push(route.request().postData()); await new Promise((r) => setTimeout(r, 700)); }
    await route.continue().catch(() => {});
  });
  for (const v of ['Shared', 'Community', 'Private', 'Shared']) { await page.getByRole('radio', { name: v, exact: true }).click(); await page.waitForTimeout(200); }
  await page.waitForTimeout(4000);
  const checked = await page.locator('input[name=visibility]:checked').getAttribute('value');
  console.log('patches', patches, 'radio', checked, 'glance', (await held(A.id)).visibility, 'field', await page.locator('dd, td').filter({ hasText: /^(Shared|Private|Community|Public)$/ }).allInnerTexts());
  console.log('ERR', errors);
});

test('share-many: double click on the dialog\'s Share', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('sm-1', { visibility: 'shared' });
  await loginAs(page, 'alice');
  await page.getByLabel(`Select ${A.name}`).check();
  await page.getByRole('button', { name: /Share with projects/ }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByRole('textbox').first().fill(gamma);
  const posts = [];
  page.on('request', (r) => { if (r.method() !== 'GET' && /\/v2\//.test(r.url())) posts.push(`${r.method()} ${r.url().split('/v2/')[1]}`); });
  const btns = await dlg.getByRole('button').allInnerTexts();
  console.log('dialog buttons', btns);
  const share = dlg.getByRole('button', { name: /^Share/ }).last();
  await share.dblclick();
  await page.waitForTimeout(2500);
  console.log('requests', posts, 'dialog text', (await dlg.innerText().catch(() => 'closed')).replace(/\s+/g, ' ').slice(0, 400));
  console.log('ERR', errors);
});

test('access: Remove from all images, confirm double clicked; Export CSV double click', async ({ page }) => {
  const errors = watchErrors(page);
  const A = await img('acc-1', { visibility: 'shared' });
  const t = await tokenFor('alice');
  await glance(t, 'POST', `/v2/images/${A.id}/members`, { member: gamma });
  await loginAs(page, 'alice', { start: '/access' });
  await expect(page.getByRole('status').filter({ hasText: /Read members of/ })).toHaveText(/Read members of (\d+) of \1 images/);
  const reqs = [];
  page.on('request', (r) => { if (r.method() !== 'GET' && /\/v2\//.test(r.url())) reqs.push(`${r.method()} ${r.url().split('/v2/')[1]}`); });
  const picker = page.getByRole('combobox', { name: 'Member to remove from all images shown' });
  await picker.selectOption({ label: gamma });
  await page.getByRole('button', { name: /^Remove from \d+ images?$/ }).click();
  const dlg = page.getByRole('alertdialog');
  await dlg.getByRole('button', { name: 'Remove access' }).dblclick();
  await page.waitForTimeout(2000);
  console.log('requests', reqs, 'dialogs', await page.getByRole('alertdialog').count());
  const dl = [];
  page.on('download', (d) => dl.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export CSV' }).dblclick();
  await page.waitForTimeout(1500);
  console.log('downloads', dl);
  console.log('ERR', errors);
});
