// The catalog in English and in Simplified Chinese, side by side in the README:
//   node tools/screenshot-i18n.js OUT_DIR   (writes catalog-en.png and catalog-zh.png)
// Headless Chromium at 1280x800; the browser's language picks the app's (nothing saved).
// Chinese needs a CJK font on the machine (scripts/setup.sh installs fonts-noto-cjk).
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
  const u = seed.users[process.env.SHOT_USER || 'alice'];
  for (const [locale, file] of [['en-US', 'catalog-en.png'], ['zh-CN', 'catalog-zh.png']]) {
    const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel(/^(User name|用户名)$/).fill(u.name);
    await page.getByLabel(/^(Password|密码)$/).fill(u.password);
    await page.getByLabel(/^(Project|项目)$/).fill(u.projects[0]);
    await page.getByRole('button', { name: /^(Log in|登录)$/ }).click();
    await page.getByTestId('current-user').waitFor();
    await page.locator('.image-table, .empty-state').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${file}` });
    await ctx.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
