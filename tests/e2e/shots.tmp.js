// Ad-hoc screenshots for this session's look (not committed).
const { chromium } = require('@playwright/test');
const BASE = process.env.BASE || 'http://127.0.0.1:8081';
const seed = require('/work/main/.stack/seed.json');
async function login(page, user, project) {
  await page.goto(`${BASE}/login`);
  await page.locator('#user-name, input[autocomplete=username]').first().fill(user);
  await page.locator('input[type=password]').first().fill(`${user}-pass`);
  await page.locator('#project-name').fill(project);
  await page.locator('form button[type=submit]').first().click();
  await page.getByTestId('current-user').waitFor();
}
(async () => {
  const out = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
  for (const locale of ['en-US', 'zh-CN']) {
    const tag = locale.slice(0, 2);
    const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'bob', 'beta');
    await page.goto(`${BASE}/images?view=invitations`);
    await page.locator('.image-table, .empty-state').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${tag}-invitations.png` });
    const alice = await (await browser.newContext({ locale, viewport: { width: 1280, height: 800 } })).newPage();
    alice.on('pageerror', (e) => errors.push(String(e)));
    await login(alice, 'alice', 'alpha');
    await alice.locator('.table-sort').first().click();
    await alice.waitForTimeout(1000);
    await alice.screenshot({ path: `${out}/${tag}-catalog-sorted.png` });
    await alice.goto(`${BASE}/images/${seed.images['alpha-shared-with-beta']}`);
    await alice.locator('.member-table, .sharing-panel').first().waitFor();
    await alice.waitForTimeout(800);
    await alice.screenshot({ path: `${out}/${tag}-detail.png`, fullPage: true });
    await alice.setViewportSize({ width: 390, height: 844 });
    await alice.goto(`${BASE}/images`);
    await alice.locator('.image-table').waitFor();
    await alice.waitForTimeout(500);
    await alice.screenshot({ path: `${out}/${tag}-catalog-phone.png` });
    console.log(tag, 'errors:', errors);
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
