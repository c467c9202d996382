const { test, expect } = require('../lib/fixtures');
const { seed } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');

const IMG = seed.images['alpha-cirros'];
const LINKS = [
  '/images?name=%E0%A4%A', '/images?name=%', '/images?name=%%%', '/images?&&&=&=', '/images?name=%F0%9F',
  '/images?q=%F0%9F%98', '/images?tag=%C0%AF', '/images?view=%00', '/images?sort=name&dir=asc&marker=%FF',
  'http://127.0.0.1:8081//images', '/images//', '/images/%252F', '/images/%2e%2e', '/images/.', '/images/..%2f..%2f', '/images/%20',
  '/images/' + 'a'.repeat(5000), '/invitations/' + 'b'.repeat(5000), '/images?x=' + 'y'.repeat(20000),
  '/images#%FF', '/images/' + IMG + '#%E0', '/login?next=%2Fimages%2F%E0%A4', '/login?next=%FF', '/login?next=/images/' + 'c'.repeat(3000),
  '/access?%FF=%FF', '/images/new?x=%', '/images/%F0%9F%98%80', '/images/\u202e' + IMG, '/images/' + IMG + '?share=1&panel=%FF',
];

test('deep links', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await loginAs(page, 'alice');
  for (const link of LINKS) {
    errors.length = 0;
    await page.goto(link);
    await page.waitForTimeout(1500);
    const main = (await page.locator('#main, main, body').first().innerText()).replace(/\s+/g, ' ').slice(-600);
    const banner = await page.locator('text=/stopped|panicked/i').count();
    console.log(`LINK ${link.slice(0, 120)}\n  url=${page.url().slice(0, 160)}\n  main=${main}\n  errors=${JSON.stringify(errors).slice(0, 400)} banner=${banner}`);
  }
});
