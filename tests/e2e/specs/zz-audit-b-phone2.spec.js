const { test, expect } = require('../lib/fixtures');
const { loginAs } = require('../lib/app');
test.use({ viewport: { width: 375, height: 667 } });
test('select all on phone', async ({ page }) => {
  await loginAs(page, 'alice');
  await page.waitForTimeout(1000);
  const b = page.getByLabel(/Select all/);
  await b.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const info = await b.evaluate((e) => { const r = e.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; const hit = document.elementFromPoint(x, y); return JSON.stringify({ r: [r.x, r.y, r.width, r.height], vh: innerHeight, sy: scrollY, hit: hit && hit.outerHTML.slice(0, 200) }); });
  console.log(info);
  await page.screenshot({ path: '/tmp/audit-b/phone-catalog.png' });
  await b.click({ timeout: 3000 }).then(() => console.log('clicked ok')).catch((e) => console.log('click failed', e.message.split('\n').slice(-3).join(' ')));
  console.log('checked', await b.isChecked());
});
