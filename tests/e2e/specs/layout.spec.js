// Issue 17, points 2-5: the app fits the screen. At 1280x800, 768x1024 and 390x844 every page
// (login, each catalog tab as owner and as consumer, the detail page as owner and as consumer,
// the create page, the access overview) and every dialog is never wider than the window
// (document.documentElement.scrollWidth <= innerWidth), and the first row with its controls
// (checkbox, Accept / Reject) lies inside the window. Below 1024 px the header's session
// controls are behind a "Menu" button, and controls are touch targets of at least 40 px. At
// 1280 a catalog row stays one line high, and in zh-CN every column header too. Dark mode follows
// prefers-color-scheme.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, loginAsZh } = require('../lib/app');
const { checkScreen, resetSummary } = require('../lib/axe');

const SIZES = [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];
const { beta, gamma } = seed.projects;
const stamp = Date.now();
// A name that is one long word (as long as Glance allows): it must be cut, not widen the page.
const LONG_NAME = `e2e-layout-long-${stamp}-${'x'.repeat(200)}`;
const names = {
  pending: `e2e-layout-pending-${stamp}`,
  accepted: `e2e-layout-accepted-${stamp}`,
  rejected: `e2e-layout-rejected-${stamp}`,
};
const ids = {};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  resetSummary();
  const alice = await tokenFor('alice');
  const bob = await tokenFor('bob');
  for (const [key, name] of [...Object.entries(names), ['long', LONG_NAME]]) {
    ids[key] = await createImage(alice, name, null, { visibility: 'shared' });
    expect((await glance(alice, 'POST', `/v2/images/${ids[key]}/members`, { member: beta })).status).toBe(200);
  }
  expect((await glance(alice, 'POST', `/v2/images/${ids.pending}/members`, { member: gamma })).status).toBe(200);
  for (const key of ['accepted', 'rejected']) {
    const r = await glance(bob, 'PUT', `/v2/images/${ids[key]}/members/${beta}`, { status: key });
    expect(r.status).toBe(200);
  }
});

test.afterAll(async () => {
  const alice = await tokenFor('alice');
  for (const id of Object.values(ids)) await glance(alice, 'DELETE', `/v2/images/${id}`);
});

/** The document is not wider than the window: no sideways scroll. */
async function expectFits(page, what) {
  const { doc, win } = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, win: window.innerWidth,
  }));
  expect(doc, `${what}: document width ${doc} vs. window ${win}`).toBeLessThanOrEqual(win);
}

/** The element's box lies inside the window, left to right. */
async function expectInWindow(page, locator, what) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const { width } = page.viewportSize();
  expect(box, what).not.toBeNull();
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge (window ${width})`).toBeLessThanOrEqual(width);
}

/** On narrow windows, every visible control of the page is at least 40 px high (touch). */
async function expectTouchTargets(page, what) {
  if (page.viewportSize().width >= 1024) return;
  const small = await page.evaluate(() => [...document.querySelectorAll(
    'button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), .tabs__tab, .check-target',
  )].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.height < 40 || r.width < 40)
    .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`));
  expect(small, `${what}: controls smaller than 40 px`).toEqual([]);
}

/** A catalog tab: shown, fits, its first row's name link inside the window. */
async function openTab(page, tab) {
  await page.getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectFits(page, `catalog: ${tab}`);
  await expectTouchTargets(page, `catalog: ${tab}`);
}

/** A dialog that is open: it, the page and each of its buttons fit the window. */
async function expectDialogFits(page, dialog, what) {
  await expect(dialog).toBeVisible();
  await expectFits(page, what);
  await expectInWindow(page, dialog, what);
  // Its text wraps inside it: nothing runs past its right edge (a dialog opened from a table
  // row once took the cell's no-wrap and cut its question off).
  const overflow = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth }));
  expect(overflow.scroll, `${what}: content ${overflow.scroll} px wide in a dialog of ${overflow.client} px`).toBeLessThanOrEqual(overflow.client);
  const buttons = dialog.getByRole('button');
  for (let i = 0; i < await buttons.count(); i += 1) {
    await expectInWindow(page, buttons.nth(i), `${what}: button ${i + 1}`);
  }
  await expectTouchTargets(page, what);
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;

  test.describe(`at ${at}`, () => {
    test.use({ viewport: size });

    test(`login and the owner's catalog tabs fit; first row's checkbox in the window (${at})`, async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      await expectFits(page, 'login');
      await expectTouchTargets(page, 'login');
      await loginAs(page, 'alice');
      for (const tab of ['My images', 'Shared with me', 'Invitations', 'Rejected', 'Public', 'Community']) {
        await openTab(page, tab);
      }
      await openTab(page, 'My images');
      const longLink = page.getByRole('link', { name: LONG_NAME });
      await expectInWindow(page, longLink, 'the long name (cut)');
      await expect(longLink).toHaveAttribute('title', LONG_NAME);
      // Reached by keyboard, the cut name is shown whole (wrapped), still inside the window.
      const cutHeight = (await longLink.boundingBox()).height;
      await page.getByLabel(`Select ${LONG_NAME}`, { exact: true }).focus();
      await page.keyboard.press('Tab');
      await expect(longLink).toBeFocused();
      const whole = await longLink.evaluate((a) => ({ cut: a.scrollWidth > a.clientWidth, height: a.getBoundingClientRect().height }));
      expect(whole.cut, 'the focused name is not cut').toBe(false);
      expect(whole.height, 'the focused name wraps onto more lines').toBeGreaterThan(cutHeight * 2);
      await expectInWindow(page, longLink, 'the long name, focused');
      await expectFits(page, 'catalog with the long name focused');
      await page.keyboard.press('Shift+Tab');
      const first = page.locator('.image-row').first();
      const name = await first.locator('.image-row__name a').textContent();
      await expectInWindow(page, page.getByLabel(`Select ${name}`, { exact: true }), 'first row: checkbox');
      await expectInWindow(page, first.locator('.image-row__owner .copy-button'), 'first row: copy owner id');
      // "Select all images on this page" is there on every width (on narrow ones in the bar
      // of sort buttons above the cards), and a tap on it selects every row.
      const all = page.getByRole('checkbox', { name: 'Select all images on this page' });
      await expectInWindow(page, all, 'select all');
      const target = await all.locator('xpath=ancestor::label[1]').boundingBox();
      if (size.width < 1024) expect(Math.min(target.width, target.height), 'select all: touch target').toBeGreaterThanOrEqual(40);
      await all.click();
      await expect(page.locator('.image-row input[type=checkbox]:not(:checked)')).toHaveCount(0);
      await all.click();
      await expect(page.locator('.image-row input[type=checkbox]:checked')).toHaveCount(0);
      if (size.width >= 1024) {
        // One line high: the row is no taller than a line of text plus its padding and controls.
        const box = await first.boundingBox();
        expect(box.height, 'first row height').toBeLessThanOrEqual(56);
      }
    });

    test(`the consumer's tabs: Accept / Reject of the first row in the window (${at})`, async ({ page }) => {
      await loginAs(page, 'bob');
      await openTab(page, 'Invitations');
      const row = page.locator('.image-row').first();
      for (const label of ['Accept', 'Reject', 'Back to pending']) {
        await expectInWindow(page, row.getByRole('button', { name: label, exact: true }), `first invitation: ${label}`);
      }
      if (size.width >= 1024) {
        const box = await row.boundingBox();
        expect(box.height, 'first invitation row height').toBeLessThanOrEqual(56);
      }
      await openTab(page, 'Shared with me');
      await expectInWindow(page, page.locator('.image-row').first().getByRole('button', { name: 'Reject', exact: true }), 'first shared: Reject');
      await openTab(page, 'Rejected');
      await expectInWindow(page, page.locator('.image-row').first().getByRole('button', { name: 'Accept', exact: true }), 'first rejected: Accept');
      await openTab(page, 'My images');
    });

    test(`detail as owner and as consumer, create page, access overview (${at})`, async ({ page, browser }) => {
      await loginAs(page, 'alice', { start: `/images/${ids.pending}` });
      await expect(page.getByRole('heading', { name: names.pending })).toBeVisible();
      await expect(page.locator('tr.member-row')).toHaveCount(2);
      await page.waitForLoadState('networkidle');
      await expectFits(page, 'detail (owner)');
      await expectTouchTargets(page, 'detail (owner)');
      const member = page.locator(`tr.member-row[data-member-id="${beta}"]`);
      await expectInWindow(page, member.getByRole('checkbox'), 'first member: checkbox');
      await expectInWindow(page, member.getByRole('button', { name: /^Remove / }), 'first member: Remove');

      await page.goto(`/images/${ids.long}`);
      await expect(page.getByRole('heading', { name: LONG_NAME })).toBeVisible();
      await expectFits(page, 'detail (owner) of the long name');

      await page.goto('/images/new');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectFits(page, 'create');
      await expectTouchTargets(page, 'create');

      await page.goto('/access');
      const rows = page.locator('.access-table tbody tr');
      await expect(rows.first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectFits(page, 'access overview');
      await expectTouchTargets(page, 'access overview');
      await expectInWindow(page, rows.first().getByRole('checkbox'), 'access: first row checkbox');

      // The same page in Chinese, as dave (he knows the names of more projects, so the picker's
      // options are longer): longer labels and full-width punctuation must fit too.
      const zhContext = await browser.newContext({ viewport: size, locale: 'zh-CN' });
      const zh = await zhContext.newPage();
      await loginAsZh(zh, 'dave', { start: '/access' });
      await expect(zh.locator('.access-table tbody tr').first()).toBeVisible();
      await zh.waitForLoadState('networkidle');
      await expectFits(zh, 'access overview (zh-CN)');
      await zhContext.close();

      const bob = await (await browser.newContext({ viewport: size })).newPage();
      await loginAs(bob, 'bob', { start: `/images/${ids.pending}` });
      await expect(bob.getByRole('heading', { name: names.pending })).toBeVisible();
      await bob.waitForLoadState('networkidle');
      await expectFits(bob, 'detail (consumer)');
      await expectTouchTargets(bob, 'detail (consumer)');
      for (const label of ['Accept', 'Reject']) {
        await expectInWindow(bob, bob.getByRole('button', { name: label, exact: true }).first(), `detail (consumer): ${label}`);
      }
    });

    test(`every dialog fits (${at})`, async ({ page, browser }) => {
      await loginAs(page, 'alice');
      // Bulk delete and share-many from My images.
      await page.getByLabel(`Select ${names.pending}`, { exact: true }).check();
      await page.getByRole('button', { name: 'Delete selected (1)' }).click();
      await expectDialogFits(page, page.getByRole('alertdialog'), 'dialog: bulk delete');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Share with projects…' }).click();
      await expectDialogFits(page, page.getByRole('dialog'), 'dialog: share with projects');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      // Detail as owner: remove a member, delete the image.
      await page.goto(`/images/${ids.pending}`);
      await page.getByRole('button', { name: new RegExp(`^Remove .*${gamma}`) }).click();
      await expectDialogFits(page, page.getByRole('alertdialog'), 'dialog: remove member');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expectDialogFits(page, page.getByRole('alertdialog'), 'dialog: delete image');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

      // Access overview: remove access.
      await page.goto('/access');
      await page.locator('.access-table tbody tr').first().getByRole('checkbox').check();
      await page.getByRole('button', { name: /^Remove access \(1\)/ }).click();
      await expectDialogFits(page, page.getByRole('alertdialog'), 'dialog: remove access');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

      // The token refused: the re-login dialog (a 401 injected once: Glance caches token
      // validation, so it would not refuse a just-revoked token at once).
      await page.goto('/images');
      await expect(page.locator('.image-table')).toBeVisible();
      await page.route('**/image/v2/images**', (route) => route.fulfill({
        status: 401, contentType: 'application/json', body: JSON.stringify({ message: 'Unauthorized', code: '401 Unauthorized', title: 'Unauthorized' }),
      }), { times: 1 });
      await page.getByRole('link', { name: 'Public', exact: true }).click();
      const relogin = page.getByRole('dialog', { name: 'Your session has ended' });
      await expectDialogFits(page, relogin, 'dialog: re-login');
      await relogin.getByLabel('Password', { exact: true }).fill('alice-pass');
      await relogin.getByRole('button', { name: 'Log in' }).click();
      await expect(relogin).toBeHidden();

      // The consumer: reject one invitation, accept all.
      const bob = await (await browser.newContext({ viewport: size })).newPage();
      await loginAs(bob, 'bob');
      await bob.getByRole('link', { name: 'Invitations', exact: true }).click();
      await bob.locator('.image-row').first().getByRole('button', { name: 'Reject', exact: true }).click();
      await expectDialogFits(bob, bob.getByRole('alertdialog'), 'dialog: reject');
      await bob.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await bob.getByRole('button', { name: /^Accept all/ }).click();
      await expectDialogFits(bob, bob.getByRole('alertdialog'), 'dialog: accept all');
      await bob.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    });

    test(`header: session controls (${at})`, async ({ page }) => {
      await loginAs(page, 'dave');
      const menu = page.getByRole('button', { name: 'Menu' });
      const project = page.getByRole('combobox', { name: 'Project', exact: true });
      const language = page.getByRole('combobox', { name: 'Language' });
      const logout = page.getByRole('button', { name: 'Log out' });
      if (size.width >= 1024) {
        // Wide: as before, every control in the bar, no menu.
        await expect(menu).toBeHidden();
        for (const c of [project, language, logout]) await expectInWindow(page, c, 'header control');
        return;
      }
      await expectInWindow(page, menu, 'Menu button');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      for (const c of [project, language, logout]) await expect(c).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      for (const c of [project, language, logout]) await expectInWindow(page, c, 'control in the menu');
      await expect(page.getByTestId('current-user')).toBeVisible();
      await expectFits(page, 'header menu open');
      await expectTouchTargets(page, 'header menu open');
      // Keyboard: into the menu, Escape closes it and focus returns to the button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      for (const c of [project, language, logout]) await expect(c).toBeHidden();
      // Enter opens it again; the project switch works from there.
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await project.selectOption({ label: 'beta' });
      await expect(page.getByTestId('current-project-id')).toHaveText(beta);
      // Tab on past the last control of the menu: it closes instead of covering the page
      // control that now has focus.
      if ((await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
      await logout.focus();
      await page.keyboard.press('Tab');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      for (const c of [project, language, logout]) await expect(c).toBeHidden();
      expect(await page.evaluate(() => document.activeElement && document.activeElement.closest('header'))).toBeNull();
    });
  });
}

test('dark mode follows prefers-color-scheme: the variables\' dark values, with enough contrast (axe)', async ({ page }) => {
  await loginAs(page, 'bob');
  await page.getByRole('link', { name: 'Invitations', exact: true }).click();
  await expect(page.locator('.image-row').first()).toBeVisible();
  const colours = () => page.evaluate(() => {
    const of = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      page: of('body').backgroundColor,
      text: of('body').color,
      table: of('.image-table').backgroundColor,
      badge: of('.member-status').backgroundColor,
    };
  });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await colours();
  expect(light.page).toBe('rgb(246, 248, 250)');
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  expect(dark.page).toBe('rgb(13, 17, 23)');
  expect(dark.text).toBe('rgb(230, 237, 243)');
  expect(dark.table).toBe('rgb(22, 27, 34)');
  for (const k of Object.keys(light)) expect(dark[k], `${k} changes in dark mode`).not.toBe(light[k]);

  // The dark colours keep enough contrast (axe), as a table and as cards with the menu open.
  await checkScreen(page, 'dark: catalog (bob): Invitations');
  await page.goto(`/images/${ids.pending}`);
  await expect(page.getByRole('heading', { name: names.pending })).toBeVisible();
  await checkScreen(page, 'dark: detail (consumer)');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/images?view=invitations');
  await expect(page.locator('.image-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await checkScreen(page, 'dark 390: catalog cards, header menu open');
});

/** Column headers of the visible tables that wrap onto a second line, with their text. */
async function wrappedHeaders(page) {
  return page.evaluate(() => [...document.querySelectorAll('.image-table th, .member-table th, .access-table th')]
    .filter((th) => th.getClientRects().length > 0 && th.textContent.trim())
    .filter((th) => {
      // Each visible text node's line boxes (a visually hidden label is 1 px wide: not shown).
      const tops = new Set();
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size > 1;
    })
    .map((th) => th.textContent.trim()));
}

test('zh-CN at 1280x800: Chinese column headers stay on one line (可见性, not 可见 / 性) and the tables fit', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await loginAsZh(page, 'alice');
  await expect(page.locator('.image-row').first()).toBeVisible();
  expect(await wrappedHeaders(page), 'catalog (alice): 我的镜像').toEqual([]);
  await expectFits(page, 'catalog (alice)');
  await page.goto(`/images/${ids.pending}`);
  await expect(page.locator('.member-row').first()).toBeVisible();
  expect(await wrappedHeaders(page), 'members of an image').toEqual([]);
  await expectFits(page, 'detail (alice)');
  await page.getByRole('link', { name: '访问概览' }).click();
  await expect(page.locator('.access-table tbody tr').first()).toBeVisible();
  expect(await wrappedHeaders(page), 'access overview').toEqual([]);
  await expectFits(page, 'access overview');
  await page.getByRole('button', { name: '退出登录' }).click();
  await loginAsZh(page, 'bob');
  await page.getByRole('link', { name: '邀请', exact: true }).click();
  await expect(page.locator('.image-row__actions').first()).toBeVisible();
  expect(await wrappedHeaders(page), 'invitations (bob): the widest table, with Accept / Reject').toEqual([]);
  await expectFits(page, 'invitations (bob)');
  await ctx.close();
});

test('an error after Accept goes under the consumer\'s buttons, which keep their height (1280, 390)', async ({ browser }) => {
  const alice = await tokenFor('alice');
  const name = `e2e-layout-consumer-error-${stamp}`;
  const id = await createImage(alice, name, null, { visibility: 'shared' });
  try {
    expect((await glance(alice, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
    for (const size of [SIZES[0], SIZES[2]]) {
      const page = await browser.newPage({ viewport: size });
      // A refusal that reaches no Glance: the invitation stays pending.
      await page.route(new RegExp(`/v2/images/${id}/members/${beta}$`), (route) => (route.request().method() === 'PUT'
        ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ message: 'e2e refusal' }) })
        : route.continue()));
      await loginAs(page, 'bob', { start: `/invitations/${id}` });
      const accept = page.getByRole('button', { name: 'Accept', exact: true });
      const before = await accept.boundingBox();
      await accept.click();
      const error = page.getByRole('alert').filter({ hasText: 'e2e refusal' });
      await expect(error).toBeVisible();
      const after = await accept.boundingBox();
      expect(after.height).toBeLessThanOrEqual(before.height + 1);
      expect((await error.boundingBox()).y).toBeGreaterThanOrEqual(after.y + after.height - 1);
      await page.close();
    }
  } finally {
    await glance(alice, 'DELETE', `/v2/images/${id}`);
  }
});
