const { test, expect } = require('../lib/fixtures');
const { watchErrors } = require('../lib/app');
for (const how of ['dblclick', 'enter-enter', 'click-300ms']) {
  test(`login double submit ${how}`, async ({ page }) => {
    const errors = watchErrors(page);
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && /auth\/tokens/.test(r.url())) posts.push(r.url()); });
    await page.route('**/identity/v3/auth/tokens', async (route) => { if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
    await page.goto('/login');
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password', { exact: true }).fill('alice-pass');
    await page.getByLabel('Project', { exact: true }).fill('alpha');
    const btn = page.getByRole('button', { name: 'Log in' });
    if (how === 'dblclick') await btn.dblclick();
    else if (how === 'enter-enter') { await page.keyboard.press('Enter'); await page.keyboard.press('Enter'); }
    else { await btn.click(); await page.waitForTimeout(300); await btn.click({ timeout: 1000 }).catch(() => console.log('  2nd click not possible')); }
    await expect(page.getByTestId('current-user')).toHaveText('alice');
    await page.waitForTimeout(1000);
    console.log(how, 'token POSTs', posts.length, 'url', page.url());
    console.log('ERR', errors);
  });
}
