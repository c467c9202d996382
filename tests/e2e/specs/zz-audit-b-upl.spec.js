const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const fs = require('fs');
const RAND = Math.random().toString(36).slice(2, 8);
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });
const FILE = '/tmp/audit-b/disk2.raw';
fs.mkdirSync('/tmp/audit-b', { recursive: true });
fs.writeFileSync(FILE, Buffer.alloc(8 * 1024 * 1024, 9));

for (const [mode, label] of [['stage', /glance-direct/]]) {
  for (const how of ['slowget-click-300ms']) {
    test(`existing record "Upload data": ${how} on submit (${mode})`, async ({ page }) => {
      const errors = watchErrors(page);
      const name = `audit-b-${RAND}-later-${mode}-${how}`;
      const id = await createImage(await tokenFor('alice'), name, null, {});
      const reqs = [];
      page.on('request', (r) => { if (/\/v2\/images\/[^/]+\/(stage|import|file)$|\/v2\/images\/[^/?]+$/.test(r.url())) reqs.push(`${r.method()} ${r.url().split('/').pop().slice(0, 8)}`); });
      await loginAs(page, 'alice', { start: `/images/${id}` });
      await page.getByRole('link', { name: 'Upload data…' }).click();
      if (label) await page.getByLabel(label).check();
      await page.getByLabel('Image file').setInputFiles(FILE);
      const btn = page.getByRole('button', { name: 'Upload data' });
      await btn.scrollIntoViewIfNeeded();
      const box = await btn.boundingBox();
      reqs.length = 0;
      const { throttle } = require('../lib/app'); await throttle(page.context(), page, { up: 1024 * 1024 });
      page.on('response', (r) => { if (/stage|import/.test(r.url())) reqs.push(`=> ${r.status()} ${r.url().split('/').pop()}`); });
      if (how.startsWith('slowget')) await page.route(`**/image/v2/images/${id}`, async (route) => { if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1500)); await route.continue().catch(() => {}); });
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(how === 'dblclick' ? 30 : how.includes('300') ? 300 : 200);
      console.log('   under 2nd click:', await page.evaluate(([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.outerHTML.slice(0, 100); }, [box.x + box.width / 2, box.y + box.height / 2]));
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 6; i++) { await page.waitForTimeout(2000); console.log('   t', i, JSON.stringify(await page.locator('#main [role=alert], #main [role=status]').allInnerTexts()).slice(0, 300)); }
      const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
      console.log(`${mode} ${how}: reqs=${JSON.stringify(reqs)} glance=${img.status} size=${img.size}`);
      console.log('   alerts', JSON.stringify(await page.locator('[role=alert], .error-message').allInnerTexts()).slice(0, 400));
      console.log('   status', JSON.stringify((await page.locator('[role=status]').allInnerTexts()).filter(Boolean)).slice(0, 300));
      console.log('   ERR', errors);
    });
  }
}
