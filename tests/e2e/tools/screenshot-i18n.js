// The catalog in English and in Simplified Chinese, side by side in the README:
//   node tools/screenshot-i18n.js OUT_DIR   (writes catalog-en.png and catalog-zh.png)
// Headless Chromium at 1280x800; the browser's language picks the app's (nothing saved).
// Chinese needs a CJK font on the machine (scripts/setup.sh installs fonts-noto-cjk).
const { launch, logIn } = require('./launch');

(async () => {
  const out = process.argv[2] || '.';
  const browser = await launch();
  for (const [locale, file] of [['en-US', 'catalog-en.png'], ['zh-CN', 'catalog-zh.png']]) {
    const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await logIn(page, process.env.SHOT_USER || 'alice');
    await page.locator('.image-table, .empty-state').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${file}` });
    await ctx.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
