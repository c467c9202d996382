// Issue 15.3: invitation links. The owner's sharing panel shows the link; opening it (through
// login, the link kept) takes the consumer to Accept / Reject; a user whose other project was
// invited is offered a switch; anyone else gets the reason and their project id.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const BETA = seed.projects.beta;
let imageId;
const name = `e2e-invitation-${Date.now()}`;

/** beta's member status of the image, as Glance holds it. */
async function betaStatus() {
  const r = await glance(await tokenFor('bob'), 'GET', `/v2/images/${imageId}/members/${BETA}`);
  expect(r.status).toBe(200);
  return r.json.status;
}

test.beforeAll(async () => {
  const token = await tokenFor('alice');
  imageId = await createImage(token, name, null, { visibility: 'shared', disk_format: 'raw' });
  const added = await glance(token, 'POST', `/v2/images/${imageId}/members`, { member: BETA });
  expect(added.status).toBe(200);
});
test.afterAll(async () => {
  await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${imageId}`);
});

test('the owner sees the invitation link with a copy button', async ({ page }) => {
  await loginAs(page, 'alice', { start: `/images/${imageId}` });
  const link = page.getByRole('textbox', { name: 'Invitation link' });
  await expect(link).toHaveValue(new URL(`/invitations/${imageId}`, page.url()).href);
  await expect(link).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: /Copy.*Invitation link/i })).toBeVisible();
});

test('a consumer follows the link through login and accepts, then rejects, right there', async ({ page }) => {
  await page.goto(`/invitations/${imageId}`);
  // No session yet: the login page, with the link kept.
  await expect(page).toHaveURL(/\/login\?next=/);
  // It says what waits behind it.
  await expect(page.getByText('An invitation to use an image is waiting: log in with the project it was sent to, to see it and answer.')).toBeVisible();
  await loginAs(page, 'bob', { start: null });
  await expect(page).toHaveURL(new RegExp(`/invitations/${imageId}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText(seed.projects.alpha)).toBeVisible(); // the owner
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect.poll(betaStatus).toBe('accepted');
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reject' }).click();
  await expect.poll(betaStatus).toBe('rejected');
});

test('a user whose other project was invited is offered the switch, then accepts (zh-CN)', async ({ page }) => {
  // carol's image, shared with beta; dave is in alpha (which cannot see it) and in beta.
  const carol = await tokenFor('carol');
  const other = await createImage(carol, `${name}-gamma`, null, { visibility: 'shared' });
  try {
    expect((await glance(carol, 'POST', `/v2/images/${other}/members`, { member: BETA })).status).toBe(200);
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await page.goto(`/invitations/${other}`);
    await expect(page.getByRole('alert')).toContainText(`看不到镜像 ${other}`);
    await expect(page.locator('main code').filter({ hasText: seed.projects.alpha })).toBeVisible(); // id to give the owner
    await page.getByRole('button', { name: '切换到 beta' }).click();
    await expect(page.getByTestId('current-project-id')).toHaveText(BETA);
    await expect(page.getByRole('heading', { name: `${name}-gamma` })).toBeVisible();
    await page.getByRole('button', { name: '接受', exact: true }).click();
    await expect.poll(async () => {
      const r = await glance(await tokenFor('bob'), 'GET', `/v2/images/${other}/members/${BETA}`);
      return r.json.status;
    }).toBe('accepted');
  } finally {
    await glance(carol, 'DELETE', `/v2/images/${other}`);
  }
});

test('someone not invited gets the reason and their project id', async ({ page }) => {
  await loginAs(page, 'carol', { start: `/invitations/${imageId}` });
  await expect(page.getByRole('alert')).toContainText(`cannot see image ${imageId}`);
  await expect(page.locator('main code').filter({ hasText: seed.projects.gamma })).toBeVisible();
  await expect(page.locator('main').getByRole('button', { name: /Copy/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Switch to/ })).toHaveCount(0);
});

test('a user in the owner\'s project and the invited one is offered the switch from the owner\'s side', async ({ page }) => {
  // alice's image (alpha), shared with beta; dave is in both and opens the link in alpha.
  await loginAs(page, 'dave', { project: 'alpha', start: `/invitations/${imageId}` });
  await expect(page.getByText('This image belongs to your project: the link is for the projects you share it with.')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to beta' }).click();
  await expect(page.getByTestId('current-project-id')).toHaveText(BETA);
  await expect(page).toHaveURL(new RegExp(`/invitations/${imageId}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sharing' }).getByRole('button', { name: 'Accept', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Switch to/ })).toHaveCount(0);
});
