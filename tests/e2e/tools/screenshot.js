// Takes screenshots of the app (served by scripts/nginx.sh) for the README and for a look:
//   node tools/screenshot.js OUT_DIR
const { BASE, launch, logIn } = require('./launch');

(async () => {
  const out = process.argv[2] || '.';
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${BASE}/login`);
  await page.screenshot({ path: `${out}/login.png` });
  await logIn(page, process.env.SHOT_USER || 'bob');
  await page.goto(`${BASE}/images?view=public`);
  await page.locator('.image-table, .empty-state').first().waitFor();
  await page.goto(`${BASE}/images`);
  await page.locator('.image-table, .empty-state').first().waitFor();
  await page.screenshot({ path: `${out}/catalog.png` });
  const first = page.locator('.image-row__name a').first();
  await first.click();
  await page.locator('.fields').waitFor();
  await page.screenshot({ path: `${out}/detail.png`, fullPage: true });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
