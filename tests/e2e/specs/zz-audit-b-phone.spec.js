const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
test.use({ viewport: { width: 375, height: 667 } });
test.afterAll(async () => { require('child_process').execSync('node /tmp/audit-b/cleanup.js'); });

async function sweep(page, where) {
  const problems = await page.evaluate(async () => {
    const out = [];
    const docW = document.documentElement.scrollWidth;
    if (docW > window.innerWidth) out.push(`page wider than window: ${docW} > ${window.innerWidth}`);
    const els = [...document.querySelectorAll('.modal').length ? document.querySelectorAll('.modal :is(button, a[href], input, select, textarea)') : document.querySelectorAll('button, a[href], input, select, textarea, [role="tab"], summary:not(.skip-link)')].filter((e) => !e.classList.contains('skip-link'))
      .filter((e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('[aria-hidden="true"], [inert]'); });
    for (const e of els) {
      e.scrollIntoView({ block: 'center', inline: 'center' });
      await new Promise((r) => requestAnimationFrame(r));
      const r = e.getBoundingClientRect();
      const name = `${e.tagName} "${(e.getAttribute('aria-label') || e.textContent || e.name || e.id || '').trim().slice(0, 40)}"`;
      if (e.type === 'file' || (e.tagName === 'INPUT' && (e.type === 'checkbox' || e.type === 'radio') && getComputedStyle(e).opacity === '0')) continue;
      const cx = r.left + Math.min(r.width / 2, 10), cy = r.top + r.height / 2;
      if (r.right > window.innerWidth + 1 || r.left < -1) out.push(`${name} sticks out horizontally (${Math.round(r.left)}..${Math.round(r.right)})`);
      const hit = document.elementFromPoint(r.left + r.width / 2, cy);
      if (!hit) { out.push(`${name} not hit-testable at center`); continue; }
      if (hit !== e && !e.contains(hit) && !(e.labels && [...e.labels].some((l) => l.contains(hit)))) {
        out.push(`${name} covered by ${hit.tagName}.${hit.className} "${(hit.textContent || '').trim().slice(0, 30)}"`);
      }
    }
    window.scrollTo(0, 0);
    return out;
  });
  console.log(`== ${where}: ${problems.length ? '\n  ' + problems.join('\n  ') : 'ok'}`);
}

test('phone 375x667 sweep', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('/login');
  await page.waitForTimeout(800);
  await sweep(page, 'login');
  await loginAs(page, 'alice');
  for (const v of ['', '?view=shared', '?view=invitations', '?view=public', '?more=1']) {
    await page.goto('/images' + v); await page.waitForTimeout(1200); await sweep(page, 'catalog ' + v);
  }
  await page.goto(`/images/${seed.images['alpha-shared-with-beta']}`); await page.waitForTimeout(1500); await sweep(page, 'detail owner');
  await page.goto('/images/new'); await page.waitForTimeout(1500); await sweep(page, 'create');
  await page.goto('/access'); await page.waitForTimeout(1500); await sweep(page, 'access');
  await page.goto('/images'); await page.waitForTimeout(1200);
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.count()) { await menu.click(); await page.waitForTimeout(300); await page.keyboard.press('Escape'); }
  // select all and open bulk delete confirm
  const selAll = page.locator('tbody input[type=checkbox]');
  if (await selAll.count()) {
    for (let i = 0; i < await selAll.count(); i++) await selAll.nth(i).check();
    await page.getByRole('button', { name: /Delete selected/ }).click();
    await page.waitForTimeout(400);
    await sweep(page, 'bulk delete confirm');
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: /Share with projects/ }).click().catch(() => {});
  await page.waitForTimeout(800); await sweep(page, 'share-many dialog'); await page.keyboard.press('Escape');
  const bob = await browser.newPage({ viewport: { width: 375, height: 667 } });
  await loginAs(bob, 'bob');
  await bob.goto('/images?view=invitations'); await bob.waitForTimeout(1200); await sweep(bob, 'bob invitations');
  await bob.goto(`/images/${seed.images['alpha-shared-with-beta']}`); await bob.waitForTimeout(1500); await sweep(bob, 'bob detail consumer');
  await bob.goto(`/invitations/${seed.images['alpha-shared-with-beta']}`); await bob.waitForTimeout(1500); await sweep(bob, 'bob invitation page');
  console.log('ERR', errors);
});
