// Issue 12, point 5: the nginx config a user copies (deploy/nginx), proven over HTTPS. The
// sites come from scripts/nginx.sh: the app with a certificate from a throwaway test CA, its
// http→https redirect, Glance behind an https front that the test CA signed (so nginx must
// verify it), and a second site whose Glance front has a certificate from another CA.
const { test, expect } = require('../lib/fixtures');
const { loginAs, imageNames } = require('../lib/app');
const {
  TLS_URL, REDIRECT_URL, ROGUE_SITE_URL, ROGUE_UPSTREAM_URL, trustTestCa, logSize, logSince,
} = require('../lib/tls');

test.use(trustTestCa);

test('over HTTPS the app logs in and shows the catalog; HSTS is sent; Glance gets the forwarded headers over verified TLS', async ({ page }) => {
  const mark = logSize('upstream.log');
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  const first = await page.goto(`${TLS_URL}/images`);
  expect(first.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(await page.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(['https:', true]);
  await loginAs(page, 'alice', { start: null });
  expect(await imageNames(page)).toContain('alpha-cirros');
  // Every call, Keystone's and Glance's included, stayed on the HTTPS origin.
  expect([...origins]).toEqual([TLS_URL]);
  // What nginx sent on to Glance's TLS front (which logs it): the scheme the browser used,
  // the client address, and the upstream name as SNI (proxy_ssl_server_name).
  const seen = logSince('upstream.log', mark);
  expect(seen).toMatch(/proto="https" for="127\.0\.0\.1" host="127\.0\.0\.1" sni="localhost" "GET \/v2\/images\?/);
});

test('the browser really checks certificates: one from another CA is refused', async ({ page }) => {
  // Same browser, same flag: only the test sites' key is trusted, not any certificate.
  await expect(page.goto(`${ROGUE_UPSTREAM_URL}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
});

test('plain HTTP sends the browser to HTTPS, path and query kept', async ({ request }) => {
  const r = await request.get(`${REDIRECT_URL}/images?view=public`, { maxRedirects: 0 });
  expect(r.status()).toBe(301);
  expect(r.headers().location).toBe(`${TLS_URL}/images?view=public`);
});

test('API paths ending in .json or .js go to Keystone and Glance, never to the static-file rule', async ({ request }) => {
  // Without ^~ the regex location for static files would answer these with nginx's 404.
  const glance = await request.get('/image/v2/images/some-id.json');
  expect(glance.status()).toBe(401);
  expect(glance.headers()['www-authenticate']).toContain('Keystone');
  const keystone = await request.get('/identity/v3/no-such-thing.js');
  expect(keystone.status()).toBe(404);
  // Keystone's own 404 carries its request id; nginx's would not.
  expect(keystone.headers()['x-openstack-request-id']).toMatch(/^req-/);
});

test('a Glance whose certificate nginx does not trust is refused, and the app says Glance cannot be reached', async ({ page }) => {
  const mark = logSize('error.log');
  await loginAs(page, 'alice', { start: `${ROGUE_SITE_URL}/images` });
  // Keystone (plain http behind this site) works; Glance's https front is refused by nginx.
  const alert = page.getByRole('alert').filter({ hasText: 'Glance' });
  await expect(alert).toContainText('The web server could not get an answer from Glance (HTTP 502)');
  await expect(alert).toContainText('certificate');
  expect(await page.evaluate(() => fetch('/image/v2/images').then((r) => r.status))).toBe(502);
  expect(logSince('error.log', mark)).toContain('upstream SSL certificate verify error');
});
