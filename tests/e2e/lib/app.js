// Steps a user takes in the app, found by role and label like a person would.
const { expect } = require('@playwright/test');
const { seed } = require('./stack');

/** Logs in through the app's login form with a seeded user (password method). */
async function loginAs(page, name, { project, start = '/images' } = {}) {
  const u = seed.users[name];
  if (start) await page.goto(start);
  await page.getByLabel('User name').fill(u.name);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByLabel('Project', { exact: true }).fill(project || u.projects[0]);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(u.name);
}

/** The same, through the Chinese login form (the browser context's locale is zh-CN). */
async function loginAsZh(page, name, { project, start = '/images' } = {}) {
  const u = seed.users[name];
  if (start) await page.goto(start);
  await page.getByLabel('用户名').fill(u.name);
  await page.getByLabel('密码', { exact: true }).fill(u.password);
  await page.getByLabel('项目', { exact: true }).fill(project || u.projects[0]);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(u.name);
}

/** Collects console errors and uncaught exceptions of a page. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The visible image names of the catalog table. */
async function imageNames(page) {
  await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
  return page.locator('.image-row__name a').allTextContents();
}

module.exports = { loginAs, loginAsZh, watchErrors, imageNames };
