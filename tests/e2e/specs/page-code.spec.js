// Issue 14, first load: the release build splits the code of the pages the first screen does
// not need (detail, create, access overview, invitation) and of the catalog's "Share with
// projects…" dialog into their own wasm modules, fetched on the first visit or opening (and
// the runs of the catalog's bulk actions and "Accept all", fetched on the first run). What a user sees: the login page and the catalog come
// without them; a page whose code cannot be fetched says so (no frozen tab) and loads on retry.
// A failed or hung module fetch is a fault the real server won't produce on demand: injected.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True for a request of a split-off page module or of code such modules share. */
const isPageCode = (url) => /\/(split_[a-z_]+|chunk_\d+)-[0-9a-f]{16}\.wasm$/.test(new URL(url).pathname);
const DETAIL_CODE = '**/split_image_detail_view-*.wasm';

/** Serves config.json with `request_timeout_s` set, so "no answer" tests take seconds. */
async function shortTimeout(page, seconds) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, request_timeout_s: seconds } });
  });
}

test('login and catalog load no page module; the detail page fetches its own once', async ({ page }) => {
  const fetched = [];
  const styles = [];
  page.on('request', (r) => { if (isPageCode(r.url())) fetched.push(new URL(r.url()).pathname); });
  page.on('request', (r) => { if (/\/pages-[0-9a-f]{16}\.css$/.test(r.url())) styles.push(r.url()); });
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  expect(fetched).toEqual([]);
  // The pages' stylesheet is not part of the first load either.
  expect(styles).toEqual([]);

  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
  await expect(page.locator('.fields')).toContainText(seed.images['alpha-cirros']);
  expect(fetched.some((p) => p.includes('split_image_detail_view-'))).toBe(true);
  // It came with the page's code, once, and the page is laid out by it (fields in a grid).
  expect(styles).toHaveLength(1);
  await expect(page.locator('dl.fields')).toHaveCSS('display', 'grid');
  const afterFirstVisit = fetched.length;

  // Back to the catalog and into the detail page again: the module is already there.
  await page.goBack();
  await expect(page).toHaveURL(/\/images$/);
  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
  expect(fetched.length).toBe(afterFirstVisit);
});

test('a page whose code cannot be fetched says so, keeps the header, and Retry loads it', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.route(DETAIL_CODE, (route) => route.abort('connectionreset'));
  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
  await expect(alert).toContainText('the browser did not get its code from the server');
  // The app is alive: the frame still answers, the user is still logged in.
  await expect(page.getByTestId('current-user')).toHaveText('alice');
  await expect(page).toHaveURL(new RegExp(`/images/${seed.images['alpha-cirros']}$`));

  // The connection is back: Retry shows the page.
  await page.unroute(DETAIL_CODE);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('alice');
});

test('a page whose code never arrives says so after request_timeout_s, in Chinese too', async ({ page }) => {
  await shortTimeout(page, 2);
  await loginAs(page, 'alice');
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  // The server accepted the connection and never answers.
  await page.route(DETAIL_CODE, () => {});
  const asked = Date.now();
  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '无法加载应用的这一部分' });
  await expect(alert).toContainText('服务器未在 2 秒内发送其代码', { timeout: 10_000 });
  expect(Date.now() - asked).toBeLessThan(8_000);
  await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();

  // The hung fetch is still pending in this tab; Retry reloads the page, which asks again.
  await page.unroute(DETAIL_CODE);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
});

test('a page whose code is slow to come says "Loading page…" until it shows; quick moves say nothing', async ({ page }) => {
  await loginAs(page, 'alice');
  const status = page.getByRole('status').filter({ hasText: 'Loading page…' });
  // Quick: the catalog's tabs are in the first module, no note appears.
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await expect(page).toHaveURL(/view=public/);
  await page.waitForTimeout(600);
  await expect(status).toHaveCount(0);
  await page.getByRole('link', { name: 'My images', exact: true }).click();

  // The detail page's module takes 2 s to arrive.
  await page.route(DETAIL_CODE, async (route) => {
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue();
  });
  await page.getByRole('link', { name: 'alpha-cirros' }).click();
  await expect(status.getByText('Loading page…')).toBeVisible();
  // The tab's title does not name the catalog that has gone.
  await expect(page).toHaveTitle('Loading page… – Image Sharing');
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
  await expect(status).toHaveCount(0);
  await expect(page).toHaveTitle('alpha-cirros – Image Sharing');
});

test('the "Share with projects…" dialog: its code comes on first opening; when it cannot, the catalog says so and stays usable', async ({ page }) => {
  const DIALOG_CODE = '**/split_share_many_dialog_view-*.wasm';
  const fetched = [];
  page.on('request', (r) => { if (isPageCode(r.url())) fetched.push(new URL(r.url()).pathname); });
  await loginAs(page, 'alice');
  await page.getByLabel('Select alpha-cirros').check();
  await page.route(DIALOG_CODE, (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: 'Share with projects…' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The catalog goes on: the selection is kept, Close removes the message.
  await expect(page.getByLabel('Select alpha-cirros')).toBeChecked();
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);

  // Reachable again: opening it again asks again and shows the dialog, focus in its box.
  await page.unroute(DIALOG_CODE);
  await page.getByRole('button', { name: 'Share with projects…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/Project IDs/)).toBeFocused();
  expect(fetched.some((p) => p.includes('split_share_many_dialog_view-'))).toBe(true);
});

test('the runs of the bulk actions and "Accept all": their code comes on the first run; when it cannot, nothing is sent, the catalog says so and keeps the selection', async ({ browser, page }) => {
  const RUN_CODE = '**/split_bulk_run-*.wasm';
  const stamp = Date.now();
  const token = await tokenFor('alice');
  const name = `e2e-runcode-${stamp}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  const gamma = seed.projects.gamma;
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
  const memberStatus = async () => (await glance(token, 'GET', `/v2/images/${id}/members/${gamma}`)).json.status;
  const couldNotLoad = 'This part of the app could not be loaded';
  try {
    // carol (gamma): "Accept all" with the run's code out of reach sends no acceptance.
    const carol = await browser.newPage();
    const runCode = [];
    carol.on('request', (r) => { if (/\/split_bulk_run-/.test(r.url())) runCode.push(r.url()); });
    await loginAs(carol, 'carol', { start: '/images?view=invitations' });
    await expect(carol.locator('.image-row__name a').filter({ hasText: name })).toBeVisible();
    expect(runCode).toEqual([]);
    await carol.route(RUN_CODE, (route) => route.abort('connectionreset'));
    await carol.getByRole('button', { name: /^Accept all/ }).click();
    await carol.getByRole('alertdialog').getByRole('button', { name: 'Accept all' }).click();
    const carolAlert = carol.locator('.accept-all').getByRole('alert').filter({ hasText: couldNotLoad });
    await expect(carolAlert).toBeVisible();
    expect(await memberStatus()).toBe('pending');
    await expect(carol.locator('.image-row__name a').filter({ hasText: name })).toBeVisible();
    await carolAlert.getByRole('button', { name: 'Close' }).click();
    await expect(carolAlert).toHaveCount(0);
    // Reachable again: the next "Accept all" asks again and accepts.
    await carol.unroute(RUN_CODE);
    await carol.getByRole('button', { name: /^Accept all/ }).click();
    await carol.getByRole('alertdialog').getByRole('button', { name: 'Accept all' }).click();
    await expect(carol.locator('.accept-all .add-results__item--ok').filter({ hasText: name })).toBeVisible();
    expect(await memberStatus()).toBe('accepted');
    expect(runCode.length).toBeGreaterThan(0);
    await carol.close();

    // alice: "Delete selected" with the run's code out of reach deletes nothing.
    let deletes = 0;
    await page.route('**/v2/images/*', (route) => {
      if (route.request().method() === 'DELETE') deletes += 1;
      return route.continue();
    });
    await loginAs(page, 'alice');
    await page.getByLabel(`Select ${name}`).check();
    await page.route(RUN_CODE, (route) => route.abort('connectionreset'));
    await page.getByRole('button', { name: 'Delete selected (1)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    const alert = page.locator('.bulk-actions').getByRole('alert').filter({ hasText: couldNotLoad });
    await expect(alert).toBeVisible();
    expect(deletes).toBe(0);
    expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(200);
    await expect(page.getByLabel(`Select ${name}`)).toBeChecked();
    await expect(page.getByRole('button', { name: 'Delete selected (1)' })).toBeEnabled();
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect(alert).toHaveCount(0);

    // Leaving while the code is on its way: when it then fails, the notice area of the page
    // the user is on says that nothing was done.
    await page.unroute(RUN_CODE);
    await page.route(RUN_CODE, async (route) => { await sleep(1500); await route.abort('connectionreset'); });
    await page.getByRole('button', { name: 'Delete selected (1)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('link', { name: 'New image' }).click();
    await expect(page).toHaveURL(/\/images\/new$/);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('Deleted 0 of 1 image.');
    await expect(notice).toContainText(couldNotLoad);
    expect(deletes).toBe(0);
    expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(200);
    await page.getByRole('button', { name: /^Dismiss/ }).click();
    await page.goBack();
    await expect(page).toHaveURL(/\/images$/);
    await page.getByLabel(`Select ${name}`).check();

    // Reachable again: the next run asks again and deletes.
    await page.unroute(RUN_CODE);
    await page.getByRole('button', { name: 'Delete selected (1)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.bulk-actions .add-results__item--ok')).toContainText(name);
    expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(404);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('an invitation row\'s Accept: its code comes on the first answer; when it cannot, nothing is sent and the row says so', async ({ page }) => {
  const RUN_CODE = '**/split_bulk_run-*.wasm';
  const token = await tokenFor('alice');
  const name = `e2e-answercode-${Date.now()}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  const gamma = seed.projects.gamma;
  expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
  const memberStatus = async () => (await glance(token, 'GET', `/v2/images/${id}/members/${gamma}`)).json.status;
  try {
    const runCode = [];
    page.on('request', (r) => { if (/\/split_bulk_run-/.test(r.url())) runCode.push(r.url()); });
    await loginAs(page, 'carol', { start: '/images?view=invitations' });
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toBeVisible();
    // The Invitations tab's first screen fetched no answer code.
    expect(runCode).toEqual([]);
    await page.route(RUN_CODE, (route) => route.abort('connectionreset'));
    await row.getByRole('button', { name: 'Accept' }).click();
    const alert = row.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
    await expect(alert).toBeVisible();
    expect(await memberStatus()).toBe('pending');
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect(alert).toHaveCount(0);
    // Reachable again: Accept asks again and accepts; the row leaves the Invitations tab.
    await page.unroute(RUN_CODE);
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByText(`You accepted the image ${name}.`, { exact: false })).toBeVisible();
    await expect(row).toHaveCount(0);
    expect(await memberStatus()).toBe('accepted');
    expect(runCode.length).toBeGreaterThan(0);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('while a page\'s code is on its way the old page is gone: what is typed cannot land in the catalog\'s filters', async ({ page }) => {
  await loginAs(page, 'alice');
  // The create page's code arrives 1.5 s late (a slow connection).
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/split_*create*.wasm', async (route) => { await held; await route.continue(); });
  const filter = page.getByRole('textbox', { name: 'Name (exact)' });
  await expect(filter).toBeVisible();
  await page.getByRole('link', { name: 'New image' }).click();
  // At once, before the code is in: the catalog is hidden, so its filter takes no typing.
  await expect(filter).toBeHidden();
  await page.keyboard.type('typed-too-early');
  // After a moment the wait is said.
  await expect(page.getByRole('status').getByText('Loading page…')).toBeVisible();
  await sleep(1500);
  release();
  await expect(page.getByRole('heading', { name: 'Create an image', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('typed-in-time');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('typed-in-time');
  // Back in the catalog, the filter holds nothing that was typed before.
  await page.goBack();
  await expect(page.getByRole('textbox', { name: 'Name (exact)' })).toHaveValue('');
});
