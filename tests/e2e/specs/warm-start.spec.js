// Issue 14 (speed): the warm start. On a reload of the catalog with a stored session, the
// list request the app made last time on this page is sent by index.html's inline script while
// the wasm loads; the app takes that answer when it asks for the same URL with the same token
// (src/api/warm_start.rs). Against the real Keystone and Glance; the network is touched only to
// make the early request fail or answer an error, which the services will not do on demand.
// That nothing is sent early after config.json changed (the token must not go to an endpoint
// the operator moved away from) is config-mistakes.spec.js's "a changed config.json takes
// effect on reload in a tab that stays logged in".
const { test, expect } = require('../lib/fixtures');
const { loginAs, imageNames } = require('../lib/app');
const { seed } = require('../lib/stack');

const HINT_KEY = 'glance-share.warm-start';
const SESSION_KEY = 'glance-share.session';
const LIST = /\/v2\/images\?owner=/;

/**
 * Notes, in every document, each fetch() of a Glance image URL and who called it: the frame
 * below the wrapper is the page's inline script (index.html) or the app (its JS glue or wasm).
 * Who sent the request, not when: under a loaded CI machine the wasm can start before the
 * inline script's config.json answer arrives, and the early request still is the script's.
 */
function recordImageFetches() {
  window.__imageFetches = [];
  const original = window.fetch;
  window.fetch = function (input, init) {
    const url = String(typeof input === 'string' ? input : input && input.url);
    if (/\/v2\/images/.test(url)) {
      const caller = (new Error().stack || '').split('\n')[2] || '';
      window.__imageFetches.push({ url, byApp: /\.js:|wasm/.test(caller), caller });
    }
    return original.apply(this, arguments);
  };
}

/** The fetches of `url` this document made (absolute URL), with who made them. */
const imageFetches = (page, url) => page.evaluate((u) => window.__imageFetches
  .filter((f) => new URL(f.url, location.href).href === u), url);

/** The URLs of the owner-list requests this document made (resource timing). */
const listRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => e.name).filter((u) => /\/v2\/images\?owner=/.test(u)));

test('a reload of the catalog sends its list from the page\'s script while the app loads, once, and shows what Glance holds', async ({ page }) => {
  await page.addInitScript(recordImageFetches);
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  // What the app noted: this page, its request and the config.json it ran with; never the token.
  const hint = await page.evaluate((k) => sessionStorage.getItem(k), HINT_KEY);
  const token = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)).token, SESSION_KEY);
  const config = await (await page.request.get('/config.json')).text();
  expect(JSON.parse(hint)).toEqual({ page: '/images', url: expect.stringMatching(LIST), config });
  expect(hint).not.toContain(token);

  const sent = [];
  page.on('request', (r) => { if (LIST.test(r.url())) sent.push(r.url()); });
  await page.reload();
  expect(await imageNames(page)).toContain('alpha-cirros');
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([new URL(JSON.parse(hint).url, page.url()).href]);
  // Sent by index.html's script while the wasm loaded, and the app took its answer.
  const early = await imageFetches(page, sent[0]);
  expect(early).toEqual([expect.objectContaining({ byApp: false })]);
});

test('changed filters are what the next reload sends early; another page sends nothing early', async ({ page }) => {
  await page.addInitScript(recordImageFetches);
  await loginAs(page, 'alice');
  await page.goto('/images?name=alpha-cirros');
  await expect(page.locator('.image-row')).toHaveCount(1);
  const hint = JSON.parse(await page.evaluate((k) => sessionStorage.getItem(k), HINT_KEY));
  expect(hint.page).toBe('/images?name=alpha-cirros');
  expect(hint.url).toMatch(/[?&]name=alpha-cirros(&|$)/);

  await page.reload();
  await expect(page.locator('.image-row')).toHaveCount(1);
  await expect(page.locator('.image-row__name a')).toHaveText('alpha-cirros');
  await page.waitForLoadState('networkidle');
  const lists = await listRequests(page);
  expect(lists).toHaveLength(1); // the app took the early answer
  const [list] = lists;
  expect(list).toBe(new URL(hint.url, page.url()).href);
  expect(await imageFetches(page, list)).toEqual([expect.objectContaining({ byApp: false })]);

  // The same session opening another page: the catalog's request is not replayed.
  const sent = [];
  page.on('request', (r) => { if (LIST.test(r.url())) sent.push(r.url()); });
  await page.goto('/access');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sent.filter((u) => u === new URL(hint.url, page.url()).href)).toEqual([]);
});

test('a reload of an image\'s page sends its GET from the page\'s script while the app loads, once, and shows the image', async ({ page }) => {
  await page.addInitScript(recordImageFetches);
  await loginAs(page, 'alice');
  const id = seed.images['alpha-cirros'];
  await page.goto(`/images/${id}`);
  await expect(page.locator('.fields')).toContainText(id);
  const hint = JSON.parse(await page.evaluate((k) => sessionStorage.getItem(k), HINT_KEY));
  expect(hint.page).toBe(`/images/${id}`);
  const imageUrl = new URL(hint.url, page.url()).href;
  expect(new URL(imageUrl).pathname).toMatch(new RegExp(`/v2/images/${id}$`));

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('alpha-cirros');
  await expect(page.locator('.fields')).toContainText(id);
  await page.waitForLoadState('networkidle');
  const gets = await page.evaluate((u) => performance.getEntriesByType('resource')
    .filter((e) => e.name === u), imageUrl);
  expect(gets).toHaveLength(1); // the app took the early answer
  expect(await imageFetches(page, imageUrl)).toEqual([expect.objectContaining({ byApp: false })]);
});

test('when the early request gets no answer, the app sends its own and shows the rows', async ({ page }) => {
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  let lists = 0;
  // Only the first list request of the reload (the early one) fails at the network level.
  await page.route(LIST, (route) => (++lists === 1 ? route.abort('connectionreset') : route.continue()));
  await page.reload();
  expect(await imageNames(page)).toContain('alpha-cirros');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(lists).toBe(2);
});

test('an error answer to the early request is shown like any other: Glance\'s words and the request id', async ({ page }) => {
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  let lists = 0;
  await page.route(LIST, (route) => {
    lists += 1;
    if (lists > 1) return route.continue();
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      headers: { 'x-openstack-request-id': 'req-warm-start-503' },
      body: JSON.stringify({ message: 'Glance is <b>catching its breath</b>', code: 503, title: 'Service Unavailable' }),
    });
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'req-warm-start-503' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('catching its breath');
  await expect(alert).not.toContainText('<b>');
  // The app took that answer: it did not send a second request behind the user's back.
  expect(lists).toBe(1);
  // Reloading asks again, early again, and this time the real Glance answers.
  await page.reload();
  expect(await imageNames(page)).toContain('alpha-cirros');
  expect(lists).toBe(2);
});

test('logout forgets the page\'s request: the next user of the tab starts without it', async ({ page }) => {
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  expect(await page.evaluate((k) => sessionStorage.getItem(k), HINT_KEY)).not.toBeNull();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), HINT_KEY)).toBeNull();

  const sent = [];
  page.on('request', (r) => { if (LIST.test(r.url())) sent.push(r.url()); });
  await page.reload();
  await expect(page.getByLabel('User name')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([]);
});

test('config.json out of reach, logged in or not: the app says so, nothing is sent early, no stray error', async ({ page }) => {
  // A promise of the script's that fails with nobody to handle it shows as "Uncaught (in promise)".
  const uncaught = [];
  page.on('console', (m) => { if (/Uncaught/.test(m.text())) uncaught.push(m.text()); });
  const sent = [];
  page.on('request', (r) => { if (LIST.test(r.url())) sent.push(r.url()); });
  // Every fetch of config.json fails at the network level (the script's, and the app's own).
  const unreachable = (route) => route.abort('connectionreset');

  // Not logged in: the script has no request to send early, only config.json to fetch.
  await page.route('**/config.json', unreachable);
  await page.goto('/login');
  await expect(page.getByText('config.json could not be fetched')).toBeVisible();

  // Logged in, on the catalog, then a reload with config.json out of reach.
  await page.unroute('**/config.json', unreachable);
  await loginAs(page, 'alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
  sent.length = 0;
  await page.route('**/config.json', unreachable);
  await page.reload();
  await expect(page.getByText('config.json could not be fetched')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual([]);
  expect(uncaught).toEqual([]);
});
