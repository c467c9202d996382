// Issue 11: requests are bounded, followers ride out a struggling Glance, and the user's own
// changes and typed text survive the app's own updates and a re-login. Faults that the real
// services will not produce on demand (503, dropped connection, no answer, a refused token)
// are injected with Playwright routing on one request; everything else is the real stack.
const http = require('http');
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

/** Serves config.json with `request_timeout_s` set, so "no answer" tests take seconds. */
async function shortTimeout(page, seconds) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, request_timeout_s: seconds } });
  });
}

const WEB_DOWNLOAD_PORT = Number(process.env.WEB_DOWNLOAD_PORT || 8093);
const imageUrl = (id) => new RegExp(`/v2/images/${id}$`);
const alerts = (page) => page.locator('[role="alert"]');

test('a list that gets no answer says Glance did not answer, within request_timeout_s', async ({ page }) => {
  await shortTimeout(page, 2);
  await loginAs(page, 'alice');
  // From now on the list request hangs (Glance accepted the connection, never answers).
  await page.route(/\/v2\/images\?/, () => {});
  const asked = Date.now();
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await expect(alerts(page).filter({ hasText: 'Glance did not answer within 2 seconds' })).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - asked).toBeLessThan(8_000);
  // In Chinese too, with the units a Chinese reader expects.
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  await expect(alerts(page).filter({ hasText: 'Glance 在 2 秒内没有应答' })).toBeVisible();
});

test('the detail page follows an import through a 503, a dropped connection and a hung request, then shows the result', async ({ page }) => {
  await shortTimeout(page, 2);
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-follow-faults-${Date.now()}`);
  // Glance imports from a local server that sends 1 MiB slowly (16 pieces, 0.5 s apart).
  const bytes = Buffer.alloc(1 << 20, 5);
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    let at = 0;
    const next = () => {
      if (at >= bytes.length) { res.end(); return; }
      res.write(bytes.subarray(at, at + 65536));
      at += 65536;
      setTimeout(next, 500);
    };
    next();
  });
  await new Promise((ok) => server.listen(WEB_DOWNLOAD_PORT, '127.0.0.1', ok));
  try {
    const r = await glance(token, 'POST', `/v2/images/${id}/import`, { method: { name: 'web-download', uri: `http://127.0.0.1:${WEB_DOWNLOAD_PORT}/disk.raw` } });
    expect(r.status).toBe(202);
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'importing');
    // The next three reads of the image fail in three ways; then Glance answers again.
    let reads = 0;
    await page.route(imageUrl(id), async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      reads += 1;
      if (reads === 1) return route.fulfill({ status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1></body></html>' });
      if (reads === 2) return route.abort('connectionreset');
      if (reads === 3) return; // no answer: the app gives up after 2 s
      return route.fallback();
    });
    test.setTimeout(120_000);
    await expect.poll(() => reads, { timeout: 45_000 }).toBeGreaterThanOrEqual(3);
    // Nothing claimed a failure meanwhile, and the page is still following.
    await expect(alerts(page)).toHaveCount(0);
    await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'active', { timeout: 45_000 });
    expect(reads).toBeGreaterThanOrEqual(4);
    await expect(alerts(page)).toHaveCount(0);
    expect((await glance(token, 'GET', `/v2/images/${id}`)).json.size).toBe(bytes.length);
  } finally {
    server.close();
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a refused token mid-action: re-login keeps what was typed on the detail page, and the action can be redone', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-relogin-detail-${Date.now()}`, Buffer.alloc(4096, 3), { os_distro: 'cirros' });
  try {
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await page.getByLabel('Value os_distro').fill('typed, not saved');
    // Keystone or Glance refuses the token on the next change (revoked elsewhere).
    await page.route(imageUrl(id), async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      await route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } }) });
    });
    await page.getByRole('button', { name: 'Protect' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.unroute(imageUrl(id));
    await dialog.getByLabel('Password', { exact: true }).fill(seed.users.alice.password);
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect(dialog).toBeHidden();
    // The refusal is over: its message does not stay beside a session that works.
    await expect(alerts(page).filter({ hasText: 'requires authentication' })).toHaveCount(0);
    // The page was not rebuilt: the typed value is still there.
    await expect(page.getByLabel('Value os_distro')).toHaveValue('typed, not saved');
    await page.getByRole('button', { name: 'Protect' }).click();
    await expect(page.getByRole('button', { name: 'Unprotect' })).toBeVisible();
    expect((await glance(token, 'GET', `/v2/images/${id}`)).json.protected).toBe(true);
    await expect(page.getByLabel('Value os_distro')).toHaveValue('typed, not saved');
  } finally {
    await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('the app\'s own changes are not "changed elsewhere": protect and visibility, then save an edit', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-own-change-${Date.now()}`, Buffer.alloc(4096, 4), { os_distro: 'cirros' });
  try {
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await page.getByLabel('Value os_distro').fill('ubuntu');
    await new Promise((r) => setTimeout(r, 1100)); // updated_at has one-second resolution
    await page.getByRole('button', { name: 'Protect' }).click();
    await expect(page.getByRole('button', { name: 'Unprotect' })).toBeVisible();
    await page.getByRole('button', { name: 'Unprotect' }).click();
    await expect(page.getByRole('button', { name: 'Protect' })).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(alerts(page).filter({ hasText: 'Someone else changed this image' })).toHaveCount(0);
    const now = (await glance(token, 'GET', `/v2/images/${id}`)).json;
    expect(now.os_distro).toBe('ubuntu');
    expect(now.protected).toBe(false);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});
