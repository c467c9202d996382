const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const { configWith } = require('../lib/faults');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
const { beta, gamma } = seed.projects;
/** The request reaches Glance (which does the work); its answer arrives after the app's timeout. */
async function lateOnce(page, re, method, ms = 4000) {
  const st = { hits: 0 };
  await page.route(re, async (route) => {
    if (st.hits === 0 && route.request().method() === method) {
      st.hits++;
      const response = await route.fetch();
      st.status = response.status();
      await new Promise((r) => setTimeout(r, ms));
      return route.fulfill({ response }).catch(() => {});
    }
    return route.fallback();
  });
  return st;
}
const shown = async (page) => ({
  alerts: JSON.stringify(await page.locator('#main [role=alert], #main .error-message, .add-results__item--error').allInnerTexts()).slice(0, 400),
  status: JSON.stringify((await page.locator('#main [role=status], .add-results').allInnerTexts()).filter(Boolean)).slice(0, 400),
});

test('add member: reaches Glance, answer late', async ({ page }) => {
  const errors = watchErrors(page);
  await configWith(page, { request_timeout_s: 2 });
  const name = `audit-b-${RAND}-late-add`;
  const id = await createImage(await tokenFor('alice'), name, null, { visibility: 'shared' });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const st = await lateOnce(page, new RegExp(`/v2/images/${id}/members$`), 'POST');
  await page.getByLabel(/Project IDs/).fill(gamma);
  await page.getByRole('button', { name: 'Add members' }).click();
  await page.waitForTimeout(6000);
  console.log('add late: glance', st.status, (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id));
  console.log('   page', await shown(page), 'rows', await page.locator('tr.member-row').count(), 'box', await page.getByLabel(/Project IDs/).inputValue());
  await page.getByRole('button', { name: 'Add members' }).click();
  await page.waitForTimeout(1500);
  console.log('   retry', await shown(page), 'rows', await page.locator('tr.member-row').count());
  console.log('ERR', errors);
});

test('consumer accept on detail: reaches Glance, answer late', async ({ page }) => {
  const errors = watchErrors(page);
  await configWith(page, { request_timeout_s: 2 });
  const t = await tokenFor('alice');
  const name = `audit-b-${RAND}-late-acc`;
  const id = await createImage(t, name, null, { visibility: 'shared' });
  await glance(t, 'POST', `/v2/images/${id}/members`, { member: beta });
  await loginAs(page, 'bob', { start: `/images/${id}` });
  const st = await lateOnce(page, new RegExp(`/v2/images/${id}/members/${beta}$`), 'PUT');
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await page.waitForTimeout(6000);
  console.log('accept late: glance', (await glance(t, 'GET', `/v2/images/${id}/members/${beta}`)).json.status);
  console.log('   page', await shown(page), 'status badge', await page.locator('.consumer-status .member-status').allInnerTexts());
  console.log('ERR', errors);
});

test('delete image: reaches Glance, answer late', async ({ page }) => {
  const errors = watchErrors(page);
  await configWith(page, { request_timeout_s: 2 });
  const name = `audit-b-${RAND}-late-del`;
  const id = await createImage(await tokenFor('alice'), name, null);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await lateOnce(page, new RegExp(`/v2/images/${id}$`), 'DELETE');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.waitForTimeout(6000);
  console.log('delete late: glance', (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).status, 'url', page.url());
  console.log('   page', await shown(page), (await page.locator('#main').innerText()).replace(/\s+/g, ' ').slice(0, 200));
  console.log('ERR', errors);
});

test('remove member: reaches Glance, answer late', async ({ page }) => {
  const errors = watchErrors(page);
  await configWith(page, { request_timeout_s: 2 });
  const t = await tokenFor('alice');
  const name = `audit-b-${RAND}-late-rm`;
  const id = await createImage(t, name, null, { visibility: 'shared' });
  await glance(t, 'POST', `/v2/images/${id}/members`, { member: gamma });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await lateOnce(page, new RegExp(`/v2/images/${id}/members/${gamma}$`), 'DELETE');
  await page.locator(`tr.member-row[data-member-id="${gamma}"]`).getByRole('button', { name: /Remove/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await page.waitForTimeout(6000);
  console.log('remove late: glance', (await glance(t, 'GET', `/v2/images/${id}/members`)).json.members.length);
  console.log('   page', await shown(page), 'rows', await page.locator('tr.member-row').count());
  console.log('ERR', errors);
});

test('bulk delete: reaches Glance, answer late', async ({ page }) => {
  const errors = watchErrors(page);
  await configWith(page, { request_timeout_s: 2 });
  const name = `audit-b-${RAND}-late-bulk`;
  const id = await createImage(await tokenFor('alice'), name, null);
  await loginAs(page, 'alice');
  await lateOnce(page, new RegExp(`/v2/images/${id}$`), 'DELETE');
  await page.getByLabel(`Select ${name}`).check();
  await page.getByRole('button', { name: /Delete selected/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.waitForTimeout(6000);
  console.log('bulk late: glance', (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).status);
  console.log('   page', await shown(page), 'row', await page.locator('.image-row', { hasText: name }).count());
  console.log('ERR', errors);
});
