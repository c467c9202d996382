// Takes screenshots of the app (served by scripts/nginx.sh) for the README and for a look:
//   node tools/screenshot.js OUT_DIR
const { chromium } = require('@playwright/test');
const { seed } = require('../lib/stack');

(async () => {
  const out = process.argv[2] || '.';
  const base = process.env.APP_URL || 'http://127.0.0.1:8081';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${base}/login`);
  await page.screenshot({ path: `${out}/login.png` });
  const who = process.env.SHOT_USER || 'bob';
  const u = seed.users[who];
  await page.getByLabel('User name').fill(u.name);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByLabel('Project', { exact: true }).fill(u.projects[0]);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('current-user').waitFor();
  await page.goto(`${base}/images?view=public`);
  await page.locator('.image-table, .empty-state').first().waitFor();
  await page.goto(`${base}/images`);
  await page.locator('.image-table, .empty-state').first().waitFor();
  await page.screenshot({ path: `${out}/catalog.png` });
  const first = page.locator('.image-row__name a').first();
  await first.click();
  await page.locator('.fields').waitFor();
  await page.screenshot({ path: `${out}/detail.png`, fullPage: true });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
