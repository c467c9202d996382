const { test, expect } = require('../lib/fixtures');
const { loginAs, watchErrors } = require('../lib/app');
for (const [min, max] of [['9000000000000', ''], ['1e20', ''], ['5', '1'], ['-3', ''], ['', '1e-30']]) {
  test(`size filter min=${min} max=${max}`, async ({ page }) => {
    const errors = watchErrors(page);
    const lists = [];
    page.on('request', (r) => { if (/\/v2\/images\?/.test(r.url())) lists.push(r.url()); });
    await loginAs(page, 'alice', { start: '/images?more=1' });
    await page.getByLabel('Min size (MiB)').fill(min);
    await page.getByLabel('Max size (MiB)').fill(max);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForTimeout(2000);
    console.log(`min=${min} max=${max}: url=${page.url().split('?')[1]} glance=${(lists.at(-1) || '').split('?')[1]}`);
    console.log('   alerts', JSON.stringify(await page.locator('[role=alert], .error-message').allInnerTexts()).slice(0, 300), 'rows', await page.locator('.image-row').count(), 'msg', (await page.locator('.empty-state').allInnerTexts()));
    console.log('   ERR', errors);
  });
}
