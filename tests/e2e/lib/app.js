// Steps a user takes in the app, found by role and label like a person would.
const { expect } = require('@playwright/test');
const { seed } = require('./stack');

/** The login form's labels in each language. */
const LOGIN_LABELS = {
  en: { user: 'User name', password: 'Password', project: 'Project', submit: 'Log in' },
  zh: { user: '用户名', password: '密码', project: '项目', submit: '登录' },
};

/** Logs in through the app's login form with a seeded user (password method). */
async function loginAs(page, name, { project, start = '/images', language = 'en' } = {}) {
  const u = seed.users[name];
  const l = LOGIN_LABELS[language];
  if (start) await page.goto(start);
  await page.getByLabel(l.user).fill(u.name);
  await page.getByLabel(l.password, { exact: true }).fill(u.password);
  await page.getByLabel(l.project, { exact: true }).fill(project || u.projects[0]);
  await page.getByRole('button', { name: l.submit }).click();
  await expect(page.getByTestId('current-user')).toHaveText(u.name);
}

/** The same, through the Chinese login form (the browser context's locale is zh-CN). */
const loginAsZh = (page, name, options = {}) => loginAs(page, name, { ...options, language: 'zh' });

/** Collects console errors and uncaught exceptions of a page. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * Slows the page's network to `up` / `down` bytes per second (-1: no limit) through Chromium's
 * emulation; returns the CDP session, whose `Network.emulateNetworkConditions` lifts it again.
 */
async function throttle(context, page, { up = -1, down = -1 }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: down, uploadThroughput: up });
  return cdp;
}

/** The visible image names of the catalog table. */
async function imageNames(page) {
  await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
  return page.locator('.image-row__name a').allTextContents();
}

module.exports = { loginAs, loginAsZh, watchErrors, imageNames, throttle };
