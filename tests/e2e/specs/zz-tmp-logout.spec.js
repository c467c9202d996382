const { test, expect } = require('@playwright/test');
const { loginAs } = require('../lib/app');
for (const start of ['/images/new', '/images']) {
  test(`tmp logout from ${start}`, async ({ page }) => {
    const logs = [];
    page.on('console', (m) => { if (/panicked/.test(m.text())) logs.push(m.text().split('\n').slice(0, 2).join(' ')); });
    await loginAs(page, 'alice', { start });
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.waitForTimeout(1000);
    console.log(start, 'PANICS:', logs.length, logs[0] || '');
  });
}
