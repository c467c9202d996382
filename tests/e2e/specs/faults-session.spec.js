// Issue 11 (fault matrix, session part): login, logout and project switch under each fault of
// lib/faults.js, injected on the one Keystone request; the rest runs against the real
// Keystone + Glance.
const { test, expect } = require('../lib/fixtures');
const { seed, KEYSTONE, keystone } = require('../lib/stack');
const { runMatrix } = require('../lib/faults');
const { loginAs } = require('../lib/app');

const SESSION_KEY = 'glance-share.session';
const stored = (page) => page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY);
const TOKENS = /\/v3\/auth\/tokens$/;

/** A fresh start: no session in the tab, then a login through the form as `user`. */
async function freshLogin(page, user, project) {
  await page.goto('/login');
  await page.evaluate(() => sessionStorage.clear());
  await loginAs(page, user, { project });
}

const operations = [
  {
    name: 'login', service: 'Keystone', decodes: true,
    // At the login form a refused token is the ordinary "wrong credentials" answer.
    on401: 'error',
    async setup(page) {
      await page.goto('/login');
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      await expect(page.getByLabel('User name')).toBeVisible();
    },
    matcher: () => ({ method: 'POST', url: TOKENS }),
    async act(page) {
      await page.getByLabel('User name').fill('alice');
      await page.getByLabel('Password', { exact: true }).fill(seed.users.alice.password);
      await page.getByLabel('Project', { exact: true }).fill('alpha');
      await page.getByRole('button', { name: 'Log in' }).click();
    },
    async kept(page) {
      await expect(page.getByLabel('User name')).toHaveValue('alice');
      await expect(page.getByLabel('Project', { exact: true })).toHaveValue('alpha');
    },
    async consistent(page) {
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByTestId('current-user')).toHaveCount(0);
      expect(await stored(page)).toBeNull();
    },
    succeeded: async () => { throw new Error('not used: no session to renew at the login form'); },
  },
  {
    name: 'logout', user: 'alice', service: 'Keystone', decodes: false,
    // Keystone refusing the token to revoke means it is already dead: logged out is right.
    on401: 'done',
    async setup(page, cell) {
      await freshLogin(page, 'alice');
      cell.token = JSON.parse(await stored(page)).token;
    },
    matcher: () => ({ method: 'DELETE', url: TOKENS }),
    act: (page) => page.getByRole('button', { name: 'Log out' }).click(),
    // Logged out here whatever Keystone did; the message says the token may still be valid.
    async consistent(page, cell) {
      await expect(page).toHaveURL(/\/login/);
      expect(await stored(page)).toBeNull();
      expect((await keystone(cell.token, 'GET', '/auth/projects')).status).toBe(200);
    },
    async succeeded(page, cell) {
      await expect(page).toHaveURL(/\/login/);
      expect(await stored(page)).toBeNull();
      if (cell.fault === 'malformed') expect((await keystone(cell.token, 'GET', '/auth/projects')).status).toBe(401);
    },
  },
  {
    name: 'project switch', user: 'dave', project: 'alpha', service: 'Keystone', decodes: true,
    async setup(page) {
      await freshLogin(page, 'dave', 'alpha');
      await expect(page.locator('.image-row__name a').filter({ hasText: 'alpha-cirros' })).toBeVisible();
    },
    matcher: () => ({ method: 'POST', url: TOKENS }),
    act: (page) => page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' }),
    async consistent(page) {
      // The token the tab holds is still alpha's, at Keystone.
      const token = JSON.parse(await stored(page)).token;
      const check = await fetch(`${KEYSTONE}/auth/tokens`, { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
      expect((await check.json()).token.project.name).toBe('alpha');
      await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
      // The switcher shows the project the session is in, not the one that failed.
      await expect(page.getByRole('combobox', { name: 'Project', exact: true })).toHaveValue(seed.projects.alpha);
      await expect(page.locator('.image-row__name a').filter({ hasText: 'alpha-cirros' })).toBeVisible();
    },
    async succeeded(page) {
      await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.beta);
      await expect(page.getByRole('combobox', { name: 'Project', exact: true })).toHaveValue(seed.projects.beta);
      await expect(page.locator('.image-row__name a')).toHaveText(['beta-private']);
    },
  },
];

// Cells expected to fail, and why (each gets test.fail(); the lead removes them as fixed).
const known = {
};
runMatrix(test, operations, known);
