// Answers the real Glance does not give but a broken record, proxy or cache can: one odd
// record in a list, an answer about another image, a proxy's own error page. Each is made by
// changing one real answer in flight; the user must still see what can be trusted, and be told
// what could not.
const { test, expect } = require('../lib/fixtures');
const { tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const alerts = (page) => page.locator('[role="alert"]');

test('one odd record does not make the catalog unreadable: the other rows and the odd one\'s good fields stay', async ({ page }) => {
  let realNames = [];
  let oddId = null;
  await page.route(/\/v2\/images\?/, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    realNames = json.images.slice(1).map((i) => i.name).filter(Boolean);
    const odd = json.images[0];
    oddId = odd.id;
    Object.assign(odd, { size: 1e30, tags: null, name: 5, created_at: 7, min_disk: -1, protected: null });
    // No id at all, and not even an object: left out, the rest kept.
    json.images.push({ name: 'e2e-ghost-without-id' }, '7');
    await route.fulfill({ response, json });
  });
  await loginAs(page, 'alice');
  await expect.poll(() => realNames.length).toBeGreaterThan(0);
  for (const name of realNames) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  // The odd image is still listed, named by its id, with its size unknown.
  const oddRow = page.locator('.image-row').filter({ hasText: oddId });
  await expect(oddRow).toHaveCount(1);
  await expect(page.getByText('e2e-ghost-without-id')).toHaveCount(0);
  await expect(alerts(page)).toHaveCount(0);
});

test('odd member records do not hide the others from the sharing panel', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-odd-members-${Date.now()}`, null, { visibility: 'shared' });
  try {
    const { beta, gamma } = require('../lib/stack').seed.projects;
    for (const m of [beta, gamma]) expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: m })).status).toBe(200);
    await page.route(new RegExp(`/v2/images/${id}/members$`), async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      json.members[0].created_at = 7;
      json.members[0].status = 5;
      json.members.push({ status: 'accepted' });
      await route.fulfill({ response, json });
    });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await expect(page.locator('tr.member-row')).toHaveCount(2);
    await expect(page.locator(`tr.member-row[data-member-id="${beta}"]`)).toBeVisible();
    await expect(page.locator(`tr.member-row[data-member-id="${gamma}"]`)).toBeVisible();
    await expect(alerts(page)).toHaveCount(0);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('an answer about another image is refused, not shown as the image asked for (en, zh-CN)', async ({ page }) => {
  const token = await tokenFor('alice');
  const name = `e2e-asked-${Date.now()}`;
  const id = await createImage(token, name);
  const otherName = `e2e-other-${Date.now()}`;
  const other = await createImage(token, otherName);
  try {
    // A cache that answers for the wrong image: the other image's record, under this URL.
    await page.route(new RegExp(`/v2/images/${id}$`), async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const r = await glance(token, 'GET', `/v2/images/${other}`);
      await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'x-openstack-request-id': 'req-e2e-other-answer' }, body: JSON.stringify(r.json) });
    });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const alert = alerts(page).filter({ hasText: 'The answer was about another image' });
    await expect(alert).toContainText(`(ID ${other})`);
    await expect(alert).toContainText('req-e2e-other-answer');
    await expect(page.getByRole('heading', { level: 1, name: otherName })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(alerts(page).filter({ hasText: '应答是关于另一个镜像' })).toBeVisible();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
    await glance(token, 'DELETE', `/v2/images/${other}`);
  }
});

test('an answer about another member is refused: the panel shows what Glance holds, not that member (en, zh-CN)', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-member-answer-${Date.now()}`, null, { visibility: 'shared' });
  const { beta, gamma } = require('../lib/stack').seed.projects;
  try {
    // The real POST goes through (beta becomes a member); its answer is changed into gamma's.
    await page.route(new RegExp(`/v2/images/${id}/members$`), async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      json.member_id = gamma;
      await route.fulfill({ response, json, headers: { ...response.headers(), 'x-openstack-request-id': 'req-e2e-other-member' } });
    });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await page.getByLabel(/Project IDs/).fill(beta);
    await page.getByRole('button', { name: 'Add members', exact: true }).click();
    // The form's result line for the entry, with the answer's request id; the entry stays.
    const line = page.getByRole('listitem').filter({ hasText: 'The answer was about another member' });
    await expect(line).toContainText(`(project ID ${gamma})`);
    await expect(line).toContainText('req-e2e-other-member');
    await expect(page.getByLabel(/Project IDs/)).toHaveValue(beta);
    // Re-read: beta, as Glance holds it; never gamma.
    await expect(page.locator(`tr.member-row[data-member-id="${beta}"]`)).toBeVisible();
    await expect(page.locator(`tr.member-row[data-member-id="${gamma}"]`)).toHaveCount(0);
    const held = await glance(token, 'GET', `/v2/images/${id}/members`);
    expect(held.json.members.map((m) => m.member_id)).toEqual([beta]);
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(page.getByRole('listitem').filter({ hasText: '应答是关于另一个成员' })).toBeVisible();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a member list about another image is refused: none of its members are shown as this image\'s', async ({ page }) => {
  const token = await tokenFor('alice');
  const { beta, gamma } = require('../lib/stack').seed.projects;
  const id = await createImage(token, `e2e-members-of-${Date.now()}`, null, { visibility: 'shared' });
  const other = await createImage(token, `e2e-members-other-${Date.now()}`, null, { visibility: 'shared' });
  try {
    expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
    expect((await glance(token, 'POST', `/v2/images/${other}/members`, { member: gamma })).status).toBe(200);
    await page.route(new RegExp(`/v2/images/${id}/members$`), async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const r = await glance(token, 'GET', `/v2/images/${other}/members`);
      await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'x-openstack-request-id': 'req-e2e-other-list' }, body: JSON.stringify(r.json) });
    });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const alert = alerts(page).filter({ hasText: 'The answer was about another image' });
    await expect(alert).toContainText(`(ID ${other})`);
    await expect(alert).toContainText('req-e2e-other-list');
    await expect(page.locator(`tr.member-row[data-member-id="${gamma}"]`)).toHaveCount(0);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
    await glance(token, 'DELETE', `/v2/images/${other}`);
  }
});

/** nginx's own error page, as it sends it. */
const nginxPage = (status, text) =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n`;

for (const [status, text, says, never] of [
  [414, 'Request-URI Too Large', '414 Request-URI Too Large', 'certificate'],
  [504, 'Gateway Time-out', 'did not answer it in time', 'certificate'],
  [503, 'Service Temporarily Unavailable', 'try again later', 'certificate'],
]) {
  test(`a proxy's own ${status} page is its answer, not "could not be reached"`, async ({ page }) => {
    await loginAs(page, 'alice');
    await page.route(/\/v2\/images\?/, (route) => route.fulfill({ status, contentType: 'text/html', body: nginxPage(status, text) }));
    await page.getByRole('link', { name: 'Public', exact: true }).click();
    const alert = alerts(page).filter({ hasText: `(${status})` }).or(alerts(page).filter({ hasText: `HTTP ${status}` })).first();
    await expect(alert).toContainText(says);
    await expect(alert).not.toContainText('nginx/1.22.1');
    await expect(alert).not.toContainText('could not be reached');
    await expect(alert).not.toContainText(never);
  });
}

test('an answer with another status than asked is said as Glance answered it, on the invitation page and in "Accept all" (en, zh-CN)', async ({ page }) => {
  const alice = await tokenFor('alice');
  const bob = await tokenFor('bob');
  const { beta } = require('../lib/stack').seed.projects;
  const name = `e2e-status-answer-${Date.now()}`;
  const id = await createImage(alice, name, null, { visibility: 'shared' });
  try {
    expect((await glance(alice, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
    // A cache that answers every status change with the member's old record ("pending"),
    // whatever was asked; nothing reaches Glance (the seeded invitations stay pending too).
    await page.route(new RegExp(`/v2/images/[^/]+/members/${beta}$`), async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const image = route.request().url().match(/\/v2\/images\/([^/]+)\/members\//)[1];
      const held = await glance(bob, 'GET', `/v2/images/${image}/members/${beta}`);
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...held.json, status: 'pending' }) });
    });
    await loginAs(page, 'bob', { start: `/invitations/${id}` });
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(page.getByText(`${name}: Glance answered that this project's answer is now “Pending”, not “Accepted”.`)).toBeVisible();
    await expect(page.getByText(`You accepted the image ${name}.`)).toHaveCount(0);
    // "Accept all" does not count them as accepted.
    await page.goto(`/images?view=invitations`);
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await page.getByRole('button', { name: /^Accept all/ }).click();
    const confirm = page.getByRole('alertdialog');
    if (await confirm.count()) await confirm.getByRole('button', { name: /^Accept/ }).click();
    await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveText(`${name}: Glance answered that this project's answer is now “Pending”, not “Accepted”.`);
    await expect(page.getByRole('row').filter({ hasText: name }).getByText('Pending', { exact: true })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveText(`${name}：Glance 的应答称本项目的答复现为“待接受”，而不是“已接受”。`);
    expect((await glance(bob, 'GET', `/v2/images/${id}/members/${beta}`)).json.status).toBe('pending');
  } finally {
    await glance(alice, 'DELETE', `/v2/images/${id}`);
  }
});
