// Issue 3: Keystone login (password, application credential), errors, project switching,
// token kept only in sessionStorage, logout that revokes, re-login that keeps the page.
const { test, expect } = require('../lib/fixtures');
const { seed, KEYSTONE, tokenFor, keystone, keystoneLogin, glance, createImage } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');

const SESSION_KEY = 'glance-share.session';
const storedToken = (page) => page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) || 'null')?.token, SESSION_KEY);

test('wrong password shows Keystone\'s message and keeps the typed user name', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('not-her-password');
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByRole('button', { name: 'Log in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Login failed (401)');
  await expect(alert).toContainText('The request you have made requires authentication.');
  await expect(alert).toContainText('Request ID');
  await expect(page.getByLabel('User name')).toHaveValue('alice');
  await expect(page.getByLabel('Project', { exact: true })).toHaveValue('alpha');
  await expect(page).toHaveURL(/\/login/);
});

test('the domain fields open from a button; an emptied user domain is shown, refused and focused', async ({ page }) => {
  await page.goto('/login');
  const toggle = page.getByRole('button', { name: 'User domain / Project domain' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('User domain')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('User domain')).toHaveValue('Default');
  await page.getByLabel('User domain').fill(' ');
  await toggle.click();
  await expect(page.getByLabel('User domain')).toBeHidden();
  // Closed, the domain fields are not in the page: a search by label finds one field each
  // (hidden, "Project domain" was found by "Project" too).
  await expect(page.getByLabel('Project')).toHaveCount(1);
  await expect(page.getByLabel('User')).toHaveCount(1);
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('alice-pass');
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByRole('button', { name: 'Log in' }).click();
  // Nothing is sent with an empty domain: the fields open again, the domain is focused and
  // says why.
  await expect(page.getByLabel('User domain')).toBeFocused();
  await expect(page.getByLabel('User domain')).toHaveAccessibleDescription('Please fill in this field.');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('User domain').fill('Default');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
});

test('zh-CN: each of the login page\'s labels finds one field while the domains are closed', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  for (const label of ['用户名', '密码', '项目']) await expect(page.getByLabel(label)).toHaveCount(1);
  await page.getByRole('button', { name: '用户域 / 项目域' }).click();
  await expect(page.getByLabel('项目域')).toHaveValue('Default');
  await page.context().close();
});

test('a project the user has no role in is refused with Keystone\'s words', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('alice-pass');
  await page.getByLabel('Project', { exact: true }).fill('gamma');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Login failed (401)');
  // The same 401 as a wrong password: the hint names both causes.
  await expect(page.getByRole('alert')).toContainText('when the user has no role in that project');
  await expect(page.getByLabel('Project', { exact: true })).toHaveValue('gamma');
});

test('login with an application credential created in the test', async ({ page }) => {
  const token = await tokenFor('alice');
  const name = `e2e-${Date.now()}`;
  const created = await keystone(token, 'POST', `/users/${seed.users.alice.id}/application_credentials`, {
    application_credential: { name },
  });
  expect(created.status).toBe(201);
  const { id, secret } = created.json.application_credential;

  await page.goto('/login');
  await page.getByRole('tab', { name: 'Application credential' }).click();
  await page.getByLabel('Application credential ID').fill(id);
  // A wrong secret first: Keystone's 401, with advice about the credential (not a password).
  await page.getByLabel('Secret').fill('not-the-secret');
  await page.getByRole('button', { name: 'Log in' }).click();
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('Login failed (401)');
  await expect(refused).toContainText('Check the application credential ID and the secret.');
  await expect(refused).not.toContainText('password');
  await page.getByLabel('Secret').fill(secret);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('alice');
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
  expect(await imageNames(page)).toContain('alpha-cirros');
  await keystone(token, 'DELETE', `/users/${seed.users.alice.id}/application_credentials/${id}`);
});

test('the session survives a reload, lives only in sessionStorage and never in the URL', async ({ page }) => {
  await loginAs(page, 'alice');
  const token = await storedToken(page);
  expect(token).toMatch(/^g/); // fernet tokens start with gAAAA
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token);
  expect(page.url()).not.toContain(token);
  await page.reload();
  await expect(page.getByTestId('current-user')).toHaveText('alice');
  expect(await imageNames(page)).toContain('alpha-cirros');
});

test('dave switches from alpha to beta and sees beta\'s images', async ({ page }) => {
  await loginAs(page, 'dave', { project: 'alpha' });
  expect(await imageNames(page)).toContain('alpha-cirros');
  const switcher = page.getByRole('combobox', { name: 'Project', exact: true });
  await expect(switcher.locator('option')).toHaveText(['alpha', 'beta']);
  await switcher.selectOption({ label: 'beta' });
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.beta);
  await expect(page.locator('.image-row__name a')).toHaveText(['beta-private']);
  // The stored token is a new one, scoped to beta at Keystone.
  const token = await storedToken(page);
  const check = await fetch(`${KEYSTONE}/auth/tokens`, { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
  expect((await check.json()).token.project.name).toBe('beta');
});

test('a project switch on a later catalog page starts again from the new project\'s first page', async ({ page }) => {
  // A page link of alpha's list: the page after alpha-cirros.
  await loginAs(page, 'dave', { project: 'alpha', start: `/images?marker=${seed.images['alpha-cirros']}` });
  await expect(page.getByRole('link', { name: 'First page' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.beta);
  await expect(page).not.toHaveURL(/marker=/);
  await expect(page.locator('.image-row__name a')).toHaveText(['beta-private']);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('arrow keys on the project switcher switch only where the choice rests, and keep the focus', async ({ page }) => {
  await loginAs(page, 'dave', { project: 'alpha' });
  const rescopes = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/auth/tokens')) rescopes.push(r.url()); });
  const switcher = page.getByRole('combobox', { name: 'Project', exact: true });
  await switcher.focus();
  // Down to beta and back up to alpha, a key at a time: no switch at all.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(1500);
  expect(rescopes).toEqual([]);
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
  // Down to beta and rest: one switch, and the focus is still on the switcher.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.beta);
  expect(rescopes).toHaveLength(1);
  await expect(page.locator('.image-row__name a')).toHaveText(['beta-private']);
  await expect(switcher).toBeFocused();
  // Enter switches at once (the rest would take a second).
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => rescopes.length, { timeout: 700 }).toBe(2);
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
});

test('logout revokes the token at Keystone: the old token then gets 401', async ({ page }) => {
  await loginAs(page, 'alice');
  const token = await storedToken(page);
  expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(200);
  const revoked = page.waitForResponse((r) => r.url().endsWith('/auth/tokens') && r.request().method() === 'DELETE');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await revoked).status()).toBe(204);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).toBeNull();
  for (let i = 0; i < 5; i++) expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(401);
  // Back in the app, nothing of the session is left: protected pages ask to log in.
  await page.goto('/images');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a stored session whose token no request can carry (edited in storage) asks to log in, no dead page', async ({ page }) => {
  for (const bad of ['abc\r\nX-Evil: 1', 'tökén✓', 'with space']) {
    await loginAs(page, 'alice');
    await page.evaluate(([k, token]) => {
      const s = JSON.parse(sessionStorage.getItem(k));
      s.token = token;
      sessionStorage.setItem(k, JSON.stringify(s));
    }, [SESSION_KEY, bad]);
    await page.goto('/images');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  }
});

test('the project list Keystone does not give is said with its words and request id; Retry reads it', async ({ page }) => {
  // Keystone is not made to fail on demand: this one answer is injected.
  await page.route('**/v3/auth/projects', (route) => (route.request().method() === 'GET'
    ? route.fulfill({
      status: 503,
      contentType: 'application/json',
      headers: { 'x-openstack-request-id': 'req-injected-projects' },
      body: JSON.stringify({ error: { code: 503, title: 'Service Unavailable', message: 'Keystone is <b>down</b> for maintenance' } }),
    })
    : route.fallback()));
  await loginAs(page, 'dave');
  const banner = page.locator('.projects-unreadable');
  await expect(banner).toContainText('Your projects could not be read; only the current one can be chosen');
  await expect(banner).toContainText('Keystone is down for maintenance');
  await expect(banner).toContainText('req-injected-projects');
  await expect(page.getByLabel('Project', { exact: true }).locator('option')).toHaveText(['alpha']);
  await page.unroute('**/v3/auth/projects');
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByLabel('Project', { exact: true }).locator('option')).toHaveText(['alpha', 'beta']);
});

test('logout with a hung Keystone: the session leaves the tab at once, the token is revoked when Keystone answers', async ({ page }) => {
  await loginAs(page, 'alice');
  const token = await storedToken(page);
  // Hold the revocation (Keystone slow or hung) until the checks below, then let it through.
  let released;
  const held = new Promise((r) => { released = r; });
  await page.route('**/auth/tokens', async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    await held;
    await route.continue();
  });
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(Date.now() - clicked).toBeLessThan(5_000);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).toBeNull();
  // The token still works until Keystone gets the revocation...
  expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(200);
  const revoked = page.waitForResponse((r) => r.url().endsWith('/auth/tokens') && r.request().method() === 'DELETE');
  released();
  expect((await revoked).status()).toBe(204);
  // ...and is refused once it has.
  expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(401);
});

test('a token revoked mid-session asks to log in again and keeps what was on screen', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await expect(page.locator('.image-row__name a')).toContainText(['alpha-public-tools']);
  await page.getByLabel('Name (exact)').fill('typed but not applied');

  // Revoke the token for real at Keystone (as the admin would).
  const token = await storedToken(page);
  const admin = (await keystoneLogin('admin', seed.admin.password, 'admin')).token;
  const revoke = await fetch(`${KEYSTONE}/auth/tokens`, { method: 'DELETE', headers: { 'X-Auth-Token': admin, 'X-Subject-Token': token } });
  expect(revoke.status).toBe(204);
  // Glance caches token validation for up to 5 minutes (as on real clouds), so it would still
  // accept the revoked token for a while: inject the 401 Glance answers once the cache expires.
  await page.route('**/image/v2/images**', (route) => route.fulfill({
    status: 401,
    contentType: 'application/json',
    headers: { 'x-openstack-request-id': 'req-injected-401' },
    body: JSON.stringify({ message: 'This server could not verify that you are authorized to access the document you requested.', code: '401 Unauthorized', title: 'Unauthorized' }),
  }), { times: 1 });
  await page.getByRole('combobox', { name: 'Sort by', exact: true }).selectOption('name');

  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('User name')).toHaveValue('alice');
  await expect(dialog.getByLabel('Project', { exact: true })).toHaveValue('alpha');
  await dialog.getByLabel('Password', { exact: true }).fill('alice-pass');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();

  // Same view, same sort, the typed text still there, and the list re-read with the new token.
  await expect(page).toHaveURL(/view=public/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByLabel('Name (exact)')).toHaveValue('typed but not applied');
  await expect(page.locator('.image-row__name a')).toContainText(['alpha-public-tools']);
  expect(await storedToken(page)).not.toBe(token);
});

test('a deep link asks to log in first, then opens the page that was asked for', async ({ page }) => {
  const id = seed.images['alpha-cirros'];
  await page.goto(`/images/${id}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  const u = seed.users.alice;
  await page.getByLabel('User name').fill(u.name);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByLabel('Project', { exact: true }).fill('alpha');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${id}$`));
  await expect(page.getByRole('heading', { name: 'alpha-cirros' })).toBeVisible();
});

test('the app warns before the token expires and asks to log in again when it has', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.getByLabel('Name (exact)').fill('still here');
  // Make the app believe the token ends in 4 minutes: the warning shows with a way to renew.
  const setExpiry = (ms) => page.evaluate(([k, at]) => {
    const s = JSON.parse(sessionStorage.getItem(k));
    s.answer.token.expires_at = new Date(Date.now() + at).toISOString();
    sessionStorage.setItem(k, JSON.stringify(s));
  }, [SESSION_KEY, ms]);
  await setExpiry(4 * 60 * 1000);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Your session expires in' })).toContainText(/in [34] min/);
  // Now it ends in 3 seconds: the app's own clock opens the re-login dialog over the page.
  await page.getByLabel('Name (exact)').fill('still here');
  await setExpiry(3000);
  await page.reload();
  await page.getByLabel('Name (exact)').fill('still here');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByLabel('Password', { exact: true }).fill('alice-pass');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Name (exact)')).toHaveValue('still here');
  await expect(page.getByRole('status').filter({ hasText: 'Your session expires in' })).toHaveCount(0);
});

test('the re-login dialog has a way out: Log out in it leaves the session and revokes the token', async ({ page }) => {
  // The dialog's backdrop covers the header's Log out: someone without the password (another
  // user at the keyboard) must still be able to end the session.
  await loginAs(page, 'alice');
  const token = await storedToken(page);
  await page.evaluate((k) => {
    const s = JSON.parse(sessionStorage.getItem(k));
    s.answer.token.expires_at = new Date(Date.now() + 2000).toISOString();
    sessionStorage.setItem(k, JSON.stringify(s));
  }, SESSION_KEY);
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The token is still good at Keystone (only the app's clock said it ended): logging out
  // from the dialog revokes it for real.
  expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(200);
  const revoked = page.waitForResponse((r) => r.url().endsWith('/auth/tokens') && r.request().method() === 'DELETE');
  await dialog.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect((await revoked).status()).toBe(204);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).toBeNull();
  expect((await keystone(token, 'GET', '/auth/projects')).status).toBe(401);
});

test('a deep link with a query survives the login detour', async ({ page }) => {
  await page.goto('/images?view=public&sort=name&dir=asc');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText(/An invitation to use an image is waiting/)).toHaveCount(0);
  await loginAs(page, 'alice', { start: null });
  await expect(page).toHaveURL(/\/images\?view=public&sort=name&dir=asc$/);
  await expect(page.getByRole('link', { name: 'Public', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('a link to an image\'s sharing panel opens at the panel, after the login detour and on a reload', async ({ page }) => {
  const token = await tokenFor('alice');
  const name = `e2e-sharing-link-${Date.now()}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  try {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`/images/${id}#sharing`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await loginAs(page, 'alice', { start: null });
    await expect(page).toHaveURL(new RegExp(`/images/${id}#sharing$`));
    const panel = page.getByRole('heading', { level: 2, name: 'Sharing' });
    await expect(panel).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1, name })).not.toBeInViewport();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name })).toBeAttached();
    await expect(panel).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1, name })).not.toBeInViewport();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a crafted next= link never leaves the app after login', async ({ page }) => {
  const app = new URL(process.env.APP_URL || 'http://127.0.0.1:8081');
  for (const next of ['//evil.example/x', '/\\evil.example', '/%5Cevil.example', '/%09/evil.example', 'https://evil.example/', '/images/../../evil']) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await loginAs(page, 'alice', { start: null });
    await expect(page).toHaveURL(/\/images$/);
    expect(new URL(page.url()).origin).toBe(app.origin);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
  // A real app path is still followed.
  await page.goto(`/login?next=${encodeURIComponent('/images?view=public')}`);
  await loginAs(page, 'alice', { start: null });
  await expect(page).toHaveURL(/\/images\?view=public$/);
});

test('logging out while a project switch is answering stays logged out', async ({ page }) => {
  await loginAs(page, 'dave', { project: 'alpha' });
  // Keystone answers the re-scope late: the user has logged out by then.
  let answered;
  let lateToken = null;
  const late = new Promise((r) => { answered = r; });
  await page.route('**/v3/auth/tokens', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const response = await route.fetch();
    lateToken = response.headers()['x-subject-token'];
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
    answered();
  });
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'beta' });
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await late;
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).toBeNull();
  // The token Keystone issued for the abandoned switch is not left valid: the logout's revocation
  // covers it (Keystone revokes the whole chain of tokens re-scoped from the one logged out).
  expect(lateToken).toBeTruthy();
  const checker = await tokenFor('dave', 'alpha');
  await expect.poll(async () => {
    const res = await fetch(`${KEYSTONE}/auth/tokens`, { headers: { 'X-Auth-Token': checker, 'X-Subject-Token': lateToken } });
    return res.status;
  }, { timeout: 10000 }).toBe(404);
});

test('an empty Project logs in to the first of the user\'s projects, not to a catalog Glance refuses', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill(seed.users.dave.name);
  await page.getByLabel('Password', { exact: true }).fill(seed.users.dave.password);
  await page.getByLabel('Project', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(seed.users.dave.name);
  // alpha comes first by name; its images are listed and nothing was refused.
  await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.alpha);
  expect(await imageNames(page)).toContain('alpha-cirros');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const token = await storedToken(page);
  const check = await fetch(`${KEYSTONE}/auth/tokens`, { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
  expect((await check.json()).token.project.name).toBe('alpha');
});

test('a user in no project is told so at login, in English and Chinese', async ({ page }) => {
  const admin = (await keystoneLogin('admin', seed.admin.password, 'admin')).token;
  const name = `e2e-lonely-${Date.now()}`;
  const created = await keystone(admin, 'POST', '/users', { user: { name, password: 'lonely-pass', domain_id: 'default' } });
  expect(created.status).toBe(201);
  try {
    await page.goto('/login');
    await page.getByLabel('User name').fill(name);
    await page.getByLabel('Password', { exact: true }).fill('lonely-pass');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('you are a member of no project');
    await expect(page.getByLabel('User name')).toHaveValue(name);
    await expect(page.getByTestId('current-user')).toHaveCount(0);
    await page.getByLabel(/Language|语言/).first().selectOption('zh-CN');
    await expect(page.getByRole('alert')).toContainText('您不是任何项目的成员');
  } finally {
    await keystone(admin, 'DELETE', `/users/${created.json.user.id}`);
  }
});

test('switching project while the member list is on its way: the page says the image is not found, and nothing breaks', async ({ page }) => {
  const token = await tokenFor('dave', 'alpha');
  const name = `e2e-switch-members-${Date.now()}`;
  const id = await createImage(token, name, null, { visibility: 'shared' });
  try {
    await loginAs(page, 'dave', { project: 'alpha', start: `/images/${id}` });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    // Every member list answers late: the one asked with beta's token comes after the page
    // has learned (from the image's own read) that beta cannot see the image.
    let lateAnswers = 0;
    await page.route(new RegExp(`/v2/images/${id}/members$`), async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      lateAnswers += 1;
      await route.continue().catch(() => {});
    });
    await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'beta' });
    await expect(page.getByTestId('current-project-id')).toHaveText(seed.projects.beta);
    await expect(page.getByText(`Image not found: ${id}`)).toBeVisible();
    await expect.poll(() => lateAnswers, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    // The app still works: back to alpha, the image is there again.
    await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'alpha' });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});
