const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const fs = require('fs');
const FILE = '/tmp/audit-b/disk3.raw';
fs.mkdirSync('/tmp/audit-b', { recursive: true });
fs.writeFileSync(FILE, Buffer.alloc(4096, 9));
test('/images/new?image=… deep links', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  for (const q of ['image=' + seed.images['alpha-cirros'], 'image=' + seed.images['beta-private'], 'image=00000000-0000-0000-0000-000000000000', 'image=..%2F..', 'image=', 'image=%FF', 'image=' + seed.images['alpha-no-data'] + '&image=' + seed.images['alpha-cirros']]) {
    errors.length = 0;
    await page.goto('/images/new?' + q);
    await page.waitForTimeout(1800);
    const main = (await page.locator('#main').innerText()).replace(/\s+/g, ' ');
    console.log(`## ${q}\n   ${main.slice(0, 350)}\n   ERR ${JSON.stringify(errors)}`);
  }
});
