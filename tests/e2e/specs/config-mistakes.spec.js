// Issue 12, point 6: config.json mistakes are explained, naming the setting, and a changed
// config.json takes effect on reload even in a tab that stays logged in. A wrong
// config.json is a deployment fault the real server won't produce on demand: it is served by
// Playwright routing; Keystone, Glance and nginx are the real ones.
const { test, expect, expectCspViolation } = require('../lib/fixtures');
const { seed, KEYSTONE, GLANCE } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');
const { TLS_URL, trustTestCa } = require('../lib/tls');

test.use(trustTestCa);

const BASE = { region_name: 'RegionOne', cloud_name: 'Local dev stack' };
const serveConfig = (page, config) =>
  page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...BASE, ...config }) }));

test('an http:// auth_url on the https:// site gives a page naming auth_url and mixed content, in both languages', async ({ page }) => {
  await serveConfig(page, { auth_url: `${KEYSTONE}`, image_endpoint_override: '/image' });
  await page.goto(`${TLS_URL}/images`);
  await expect(page.getByRole('heading', { name: 'This app is not configured correctly' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`"auth_url" is "${KEYSTONE}"`);
  await expect(alert).toContainText('mixed content');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(alert).toContainText('"auth_url"');
  await expect(alert).toContainText('混合内容');
});

test('an http:// image_endpoint_override on the https:// site is named before anyone logs in', async ({ page }) => {
  await serveConfig(page, { auth_url: '/identity/v3', image_endpoint_override: GLANCE });
  await page.goto(`${TLS_URL}/login`);
  await expect(page.getByRole('alert')).toContainText(`"image_endpoint_override" is "${GLANCE}"`);
  await expect(page.getByLabel('User name')).toHaveCount(0);
});

test('a catalog whose image endpoint is http:// is explained on the https:// site, and nothing is sent to it', async ({ page }) => {
  // No override: Glance comes from the real service catalog, which lists it as plain http.
  await serveConfig(page, { auth_url: '/identity/v3' });
  const glanceHost = new URL(GLANCE).host;
  const sent = [];
  page.on('request', (r) => { if (new URL(r.url()).host === glanceHost) sent.push(r.url()); });
  await loginAs(page, 'alice', { start: `${TLS_URL}/images` });
  const alert = page.getByRole('alert').filter({ hasText: 'service catalog' });
  await expect(alert).toContainText(`The image endpoint in the service catalog is "${GLANCE}"`);
  await expect(alert).toContainText('"image_endpoint_override"');
  expect(sent).toEqual([]);
});

test('an auth_url that is not a web address gives a page naming it', async ({ page }) => {
  const host = new URL(KEYSTONE).host;
  await serveConfig(page, { auth_url: `${host}/v3` });
  await page.goto('/images');
  await expect(page.getByRole('alert')).toContainText(`"auth_url" is "${host}/v3", which is not a web address`);
});

test('a service the Content-Security-Policy does not allow is named with its setting', async ({ page }) => {
  // The proxy site allows connect-src 'self' only; Keystone on its own origin is blocked.
  const other = KEYSTONE.replace('127.0.0.1', 'localhost');
  // The browser blocks the call (the violation this test is about); it must happen.
  expectCspViolation(new RegExp(`connect-src blocked ${new URL(other).origin}/`));
  await serveConfig(page, { auth_url: other, image_endpoint_override: '/image' });
  await page.goto('/login');
  await page.getByLabel('User name').fill(seed.users.alice.name);
  await page.getByLabel('Password', { exact: true }).fill(seed.users.alice.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Keystone could not be reached' })).toBeVisible();
  const notice = page.getByRole('alert').filter({ hasText: 'Content-Security-Policy' });
  await expect(notice).toContainText(`${new URL(other).origin}`);
  await expect(notice).toContainText('config.json "auth_url"');
  await expect(notice).toContainText('connect-src');
});

test('a changed config.json takes effect on reload in a tab that stays logged in', async ({ page }) => {
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  // The operator moves Glance to another proxy path. Routing stands in for that nginx change:
  // /glance-moved/ is passed on to the real Glance behind /image/.
  const moved = [];
  await page.route('**/glance-moved/**', async (route) => {
    moved.push(route.request().url());
    const url = route.request().url().replace('/glance-moved/', '/image/');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  const old = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/image/')) old.push(r.url()); });
  await serveConfig(page, { auth_url: '/identity/v3', image_endpoint_override: '/glance-moved' });
  await page.reload();
  await expect(page.getByTestId('current-user')).toHaveText('alice'); // still logged in
  expect(await imageNames(page)).toContain('alpha-cirros');
  expect(moved.length).toBeGreaterThan(0);
  expect(old).toEqual([]);
});
