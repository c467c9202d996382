const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });

test('Accept in the Invitations tab, away and back before Glance answers: the row comes back as pending', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-stale`;
  const t = await tokenFor('alice');
  const id = await createImage(t, name, Buffer.alloc(100, 1), { visibility: 'shared' });
  await glance(t, 'POST', `/v2/images/${id}/members`, { member: seed.projects.beta });
  await loginAs(page, 'bob', { start: '/images?view=invitations' });
  // Glance takes 2 s to answer the Accept (a slow cloud).
  await page.route(/\/members\/[0-9a-f]{32}$/, async (route) => { await new Promise((r) => setTimeout(r, 2000)); await route.continue(); });
  const row = page.locator('.image-row', { hasText: name });
  await row.getByRole('button', { name: /^Accept/ }).click();
  await page.getByRole('link', { name: 'Shared with me', exact: true }).click();
  await page.goBack();
  await page.waitForTimeout(8000);
  const status = (await glance(t, 'GET', `/v2/images/${id}/members/${seed.projects.beta}`)).json.status;
  console.log('glance:', status);
  console.log('row shown:', (await row.innerText().catch(() => 'none')).replace(/\s+/g, ' '));
  console.log('notices:', await page.getByTestId('notice').allInnerTexts());
  console.log('badge/header:', (await page.getByRole('link', { name: /Invitations/ }).allInnerTexts()));
  console.log('ERR', errors);
});

test('owner: Protect and Remove member answered after away-and-back: the page shows the old state', async ({ page }) => {
  const errors = watchErrors(page);
  const name = `audit-b-${RAND}-stale-owner`;
  const t = await tokenFor('alice');
  const id = await createImage(t, name, Buffer.alloc(100, 1), { visibility: 'shared' });
  await glance(t, 'POST', `/v2/images/${id}/members`, { member: seed.projects.gamma });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.route(`**/image/v2/images/${id}**`, async (route) => { if (!['GET'].includes(route.request().method())) await new Promise((r) => setTimeout(r, 2000)); await route.continue(); });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' }).click();
  await page.locator(`tr.member-row[data-member-id="${seed.projects.gamma}"]`).getByRole('button', { name: /Remove/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  await page.goBack();
  await page.waitForTimeout(6000);
  const img = (await glance(t, 'GET', `/v2/images/${id}`)).json;
  const mem = (await glance(t, 'GET', `/v2/images/${id}/members`)).json.members.map((m) => m.member_id);
  console.log('glance protected', img.protected, 'members', mem);
  console.log('page buttons', await page.getByRole('region', { name: 'Actions' }).getByRole('button').allInnerTexts(), 'protected field', (await page.locator('#main').innerText()).match(/Protected\s+(Yes|No)/)?.[1]);
  console.log('member rows shown', await page.locator('tr.member-row').count());
  console.log('notices', await page.getByTestId('notice').allInnerTexts());
  await glance(t, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
  console.log('ERR', errors);
});
