// The app at three window sizes, for the README's "Layout on small screens":
//   node tools/screenshot-layout.js OUT_DIR          writes layout-{1280,768,390}.png (light)
//                                                     and layout-{1280,390}-dark.png
//   node tools/screenshot-layout.js OUT_DIR --all    also every page of the layout spec, for a look
// Prints each page's document width next to the window's (they must match: no sideways scroll).
const { BASE, launch, logIn } = require('./launch');

const SIZES = [[1280, 800], [768, 1024], [390, 844]];

/** Opens `path` and waits until its main content is there. */
async function open(page, path, ready) {
  await page.goto(`${BASE}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function shoot(page, file, fullPage = false) {
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  console.log(`${sw <= iw ? 'ok  ' : 'WIDE'} ${sw}/${iw} ${file}`);
  await page.screenshot({ path: file, fullPage });
}

(async () => {
  const out = process.argv[2] || '.';
  const all = process.argv.includes('--all');
  const browser = await launch();
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of SIZES) {
      if (scheme === 'dark' && width === 768) continue;
      const tag = `${width}${scheme === 'dark' ? '-dark' : ''}`;
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: 'en-US' });
      const page = await ctx.newPage();
      // bob sees alpha's invitation: the row with Accept / Reject.
      await logIn(page, 'bob');
      await open(page, '/images?view=invitations', '.image-table, .empty-state');
      // The whole page: on a phone the rows are below the filters.
      await shoot(page, `${out}/layout-${tag}.png`, true);
      if (all) {
        const menu = page.getByRole('button', { name: 'Menu' });
        if (await menu.isVisible()) {
          await menu.click();
          await shoot(page, `${out}/all-${tag}-menu.png`);
          await page.keyboard.press('Escape');
        }
        await open(page, '/images?view=shared', '.image-table, .empty-state');
        await shoot(page, `${out}/all-${tag}-shared.png`);
        await page.goto(`${BASE}/images?view=invitations`);
        await page.locator('.image-row__name a').first().click();
        await page.locator('.fields').waitFor();
        await shoot(page, `${out}/all-${tag}-detail-consumer.png`, true);
        await ctx.clearCookies();
        await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
        await logIn(page, 'alice');
        await open(page, '/images', '.image-table, .empty-state');
        await shoot(page, `${out}/all-${tag}-mine.png`, true);
        await page.locator('.image-row__name a').first().click();
        await page.locator('.sharing-panel').waitFor();
        await page.waitForLoadState('networkidle');
        await shoot(page, `${out}/all-${tag}-detail-owner.png`, true);
        await open(page, '/images/new', 'form');
        await shoot(page, `${out}/all-${tag}-create.png`, true);
        await open(page, '/access', '.access-table, .empty-state');
        await shoot(page, `${out}/all-${tag}-access.png`, true);
      }
      await ctx.close();
    }
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
