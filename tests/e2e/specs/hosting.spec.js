// Issue 3: the two ways to reach the cloud, and a clear page for a broken config.json.
const { test, expect } = require('../lib/fixtures');
const { seed, KEYSTONE, GLANCE } = require('../lib/stack');
const { watchErrors, imageNames, loginAs } = require('../lib/app');

const CORS_URL = process.env.CORS_APP_URL || 'http://127.0.0.1:8082';

test('direct CORS: the app talks to Keystone and Glance on their own origins', async ({ page }) => {
  const errors = watchErrors(page);
  const hosts = new Set();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.goto(`${CORS_URL}/login`);
  await expect(page.getByText('Local dev stack (direct CORS)')).toBeVisible();
  const u = seed.users.alice;
  await page.getByLabel('User name').fill(u.name);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  // Keystone directly, and Glance at the catalog's public endpoint.
  expect([...hosts]).toEqual(expect.arrayContaining([new URL(KEYSTONE).host, new URL(GLANCE).host]));
  expect(errors).toEqual([]);
});

test('the nginx site falls back to the app for client routes and caches hashed files', async ({ request }) => {
  const deep = await request.get('/images/some-id?view=public');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['cache-control']).toBe('no-cache');
  const html = await deep.text();
  const wasm = html.match(/href="?\/([^"\s>]+_bg\.wasm)/)[1];
  const asset = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'br' } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-encoding']).toBe('br');
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/config.json')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/missing-file.js')).status()).toBe(404);
});

test('an address nginx itself refuses still gets the app, which says what is wrong', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  // A path climbing above the site's root: nginx's 400, the app's own words.
  const above = await page.goto('/nowhere/..%2F..%2Fx');
  expect(above.status()).toBe(400);
  await expect(page.getByText('There is no page at this address.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to images' })).toBeVisible();
  // A NUL byte as an image id: refused by the app before any request is made for it.
  const nul = await page.goto('/images/%00');
  expect(nul.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('cannot be used in a web address');
  // A query too long for nginx to read (414): the catalog, with its filter bar.
  const long = await page.goto(`/images?name=${'a'.repeat(20000)}`);
  expect(long.status()).toBe(414);
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
  // The browser logs the refused addresses themselves; nothing else went wrong.
  expect(errors.filter((e) => !/^Failed to load resource: .* (400|414) /.test(e))).toEqual([]);
});

for (const [what, reply, expected] of [
  ['missing', { status: 404, body: 'not found' }, 'config.json could not be loaded (HTTP 404)'],
  ['not JSON', { status: 200, body: '{"auth_url": ' }, 'config.json is not valid JSON'],
  ['without auth_url', { status: 200, body: '{"region_name": "RegionOne"}' }, 'config.json has no "auth_url"'],
]) {
  test(`a ${what} config.json gives a page that says what is wrong`, async ({ page }) => {
    // A broken deployment is a fault the real server won't produce on demand: injected.
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', ...reply }));
    await page.goto('/images');
    await expect(page.getByRole('heading', { name: 'This app is not configured correctly' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(expected);
  });
}
