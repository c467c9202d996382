const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
const { beta, gamma } = seed.projects;
const R401 = (svc) => ({ status: 401, contentType: 'application/json', headers: { 'x-openstack-request-id': 'req-b-401' },
  body: JSON.stringify(svc === 'k' ? { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } } : { message: 'This server could not verify that you are authorized to access the document you requested.', code: '401 Unauthorized', title: 'Unauthorized' }) });
async function once(page, pattern, method, svc = 'g') {
  const st = { hits: 0 };
  await page.route(pattern, async (route) => {
    if (st.hits === 0 && route.request().method() === method) { st.hits++; return route.fulfill(R401(svc)); }
    return route.fallback();
  });
  return st;
}
async function report(page, what) {
  await page.waitForTimeout(1500);
  const dlg = page.getByRole('dialog', { name: 'Your session has ended' });
  console.log(`${what}: relogin dialog=${await dlg.count()} alerts=${JSON.stringify(await page.locator('#main [role=alert], #main .error-message').allInnerTexts()).slice(0, 300)}`);
  if (await dlg.count()) {
    await dlg.getByLabel('Password', { exact: true }).fill('alice-pass');
    await dlg.getByRole('button', { name: 'Log in' }).click();
    await expect(dlg).toBeHidden();
    await page.waitForTimeout(1500);
    console.log(`   after relogin: alerts=${JSON.stringify(await page.locator('#main [role=alert], #main .error-message').allInnerTexts()).slice(0, 300)} status=${JSON.stringify((await page.locator('#main [role=status]').allInnerTexts()).filter(Boolean)).slice(0, 300)}`);
  }
}

test('401 on share-many POST member', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-401sm`;
  const id = await createImage(await tokenFor('alice'), name, null, { visibility: 'shared' });
  await loginAs(page, 'alice');
  await page.getByLabel(`Select ${name}`).check();
  await page.getByRole('button', { name: /Share with projects/ }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByRole('textbox').first().fill(`${gamma}\n${beta}`);
  const st = await once(page, `**/v2/images/${id}/members`, 'POST');
  await dlg.getByRole('button', { name: /^Share/ }).last().click();
  await page.waitForTimeout(1500);
  console.log('share-many dialog:', (await dlg.innerText().catch(() => 'gone')).replace(/\s+/g, ' ').slice(0, 400));
  await report(page, 'share-many');
  console.log('   dialog after:', (await page.getByRole('dialog').first().innerText().catch(() => 'gone')).replace(/\s+/g, ' ').slice(0, 400));
  console.log('   glance members', (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id));
  console.log('ERR', errors);
});

test('401 on access page DELETE member', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-401acc`;
  const id = await createImage(await tokenFor('alice'), name, null, { visibility: 'shared' });
  await glance(await tokenFor('alice'), 'POST', `/v2/images/${id}/members`, { member: gamma });
  await loginAs(page, 'alice', { start: '/access' });
  await expect(page.getByRole('status').filter({ hasText: /Read members of/ })).toHaveText(/Read members of (\d+) of \1 images/);
  await once(page, `**/v2/images/${id}/members/${gamma}`, 'DELETE');
  const row = page.locator(`.access-table tr[data-project="${gamma}"]`).filter({ hasText: name });
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Remove access \(1\)/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: /Remove/ }).click();
  await report(page, 'access remove');
  console.log('   row still there', await row.count(), 'glance', (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id));
  console.log('ERR', errors);
});

test('401 on Keystone project list and on import info', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice', { start: null, ...{} }).catch(() => {});
});

test('401 on /v3/auth/projects right after page load', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  await once(page, '**/identity/v3/auth/projects', 'GET', 'k');
  await page.reload();
  await report(page, 'projects');
  console.log('ERR', errors);
});

test('401 on /v2/info/import on the create page', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  await once(page, '**/image/v2/info/import', 'GET');
  await page.goto('/images/new');
  await page.getByLabel('Name', { exact: true }).fill('typed-before-401');
  await report(page, 'import info');
  console.log('   name still', await page.getByLabel('Name', { exact: true }).inputValue(), 'methods', await page.getByLabel(/glance-direct/).count());
  console.log('ERR', errors);
});

test('401 on the invitations count (bob)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/image/v2/images?*member_status=pending&limit=100*', async (route) => route.fulfill(R401('g')));
  await loginAs(page, 'bob');
  await page.waitForTimeout(1500);
  const dlg = page.getByRole('dialog', { name: 'Your session has ended' });
  console.log('invitation count 401: dialog', await dlg.count(), 'badge', await page.locator('header').innerText().then((t) => t.replace(/\s+/g, ' ').slice(0, 200)));
  console.log('ERR', errors);
});
