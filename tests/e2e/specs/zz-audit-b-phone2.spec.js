const { test, expect } = require('../lib/fixtures');
const { loginAs } = require('../lib/app');
const { tabTo } = require('../lib/keyboard');
for (const vp of [{ width: 1024, height: 768 }, { width: 375, height: 667 }]) {
  test(`select all at ${vp.width}`, async ({ page }) => {
    await page.setViewportSize(vp);
    await loginAs(page, 'alice');
    const b = page.getByLabel('Select all images on this page');
    await tabTo(page, b, { max: 120 });
    const info = await b.evaluate((e) => { const th = e.closest('th'); const r = th.getBoundingClientRect(); return { th: [r.width, r.height], clip: getComputedStyle(th).clip, focused: document.activeElement === e }; });
    console.log(vp.width, JSON.stringify(info));
    await page.keyboard.press('Space');
    console.log('  selected rows', await page.locator('tbody input[type=checkbox]:checked').count(), 'delete btn', await page.getByRole('button', { name: /Delete selected/ }).innerText());
    await page.screenshot({ path: `/tmp/audit-b/selall-${vp.width}.png` });
  });
}
