// The app's own router (src/router/): links move without reloading, a link to a part of the
// page stays on the page, a modified click opens a tab and leaves this one as it is, the link
// of the page shown is marked current, and Back / Forward follow the history.
const { test, expect } = require('../lib/fixtures');
const { tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

test('"Sharing ↓" scrolls to the sharing panel and stays on the image page', async ({ page }) => {
  const name = `e2e-router-jump-${Date.now()}`;
  const id = await createImage(await tokenFor('alice'), name);
  created.push(id);
  await page.setViewportSize({ width: 1280, height: 500 });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Sharing' });
  await expect(panel).not.toBeInViewport();
  await page.getByRole('link', { name: 'Sharing ↓' }).click();
  // Before the app's router, the page's <base href="/"> made this link lead to the root,
  // which sent the user to the catalog.
  await expect(page).toHaveURL(new RegExp(`/images/${id}#sharing$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(panel).toBeInViewport();
  // The focus went there too: the next Tab starts in the panel, not back at the top.
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('#sharing'))).toBe(true);
  // The same link again adds no history entry: Back leaves the panel's address.
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Sharing ↓' }).click();
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/images/${id}$`));
});

test('Back after logging in leaves the login page behind; Forward comes back', async ({ page }) => {
  // A deep link while logged out: the login page in its place, then the page asked for.
  await loginAs(page, 'alice', { start: '/access' });
  await expect(page.getByRole('heading', { level: 1, name: 'Access overview' })).toBeVisible();
  // Before: Back showed the login page, which sent the user on again (a trap).
  await page.goBack();
  expect(page.url()).toBe('about:blank');
  await page.goForward();
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Access overview' })).toBeVisible();
});

test('a filtered catalog link keeps its filter through the login (a name with spaces)', async ({ page }) => {
  const name = `e2e router next ${Date.now()}`;
  created.push(await createImage(await tokenFor('alice'), name));
  await page.goto(`/images?name=${encodeURIComponent(name)}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await loginAs(page, 'alice', { start: null });
  await expect(page).toHaveURL(new RegExp(`/images\\?name=${encodeURIComponent(name)}$`));
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'alpha-cirros', exact: true })).toHaveCount(0);
});

test('a link moves without reloading; the header marks the page shown; Back and Forward follow', async ({ page }) => {
  await loginAs(page, 'alice');
  // A reload would lose this mark.
  await page.evaluate(() => { window.__sameDocument = true; });
  const access = page.getByRole('link', { name: 'Access overview' });
  await expect(access).not.toHaveAttribute('aria-current');
  await expect(page.getByRole('link', { name: 'Image Sharing' })).toHaveAttribute('aria-current', 'page');
  await access.click();
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Access overview' })).toBeVisible();
  await expect(access).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Image Sharing' })).not.toHaveAttribute('aria-current');
  await page.goBack();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await expect(access).not.toHaveAttribute('aria-current');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Access overview' })).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('a Ctrl-click opens the link in a new tab and leaves this page where it was', async ({ page, context }) => {
  await loginAs(page, 'alice');
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Access overview' }).click({ modifiers: ['Control'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe('/access');
  await tab.close();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
});

test('the root sends on to the catalog without a history entry of its own', async ({ page }) => {
  await loginAs(page, 'alice', { start: '/access' });
  await expect(page.getByRole('heading', { level: 1, name: 'Access overview' })).toBeVisible();
  await page.getByRole('link', { name: 'Image Sharing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await page.evaluate(() => history.pushState(null, '', '/'));
  await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
  await expect(page).toHaveURL(/\/images$/);
  // Back goes to the page before "/" was asked for... which "/" replaced: the catalog, then
  // the access overview, never "/" again.
  await page.goBack();
  await expect(page).toHaveURL(/\/images$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/access$/);
});
