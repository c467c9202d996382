// Issue 13 (accessibility, point 6): the sharing workflow with the keyboard only. An owner
// shares an image and removes a member, a consumer accepts and rejects; dialogs keep focus
// inside (Tab cycles) and give it back to the control that opened them (Escape closes);
// after an action focus lands on its result, never on the page body; every control shows a
// focus ring. Logging in is set-up (done by the usual helper); every step under test is keys.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');
const { tabTo, isFocused, focusedInfo, expectFocused } = require('../lib/keyboard');

const { beta } = seed.projects;
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
});

/** A shared image of alpha (optionally with members); returns its id. */
async function sharedImage(name, members = []) {
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { visibility: 'shared' });
  created.push(id);
  for (const m of members) expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: m })).status).toBe(200);
  return id;
}

async function glanceMembers(id) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.json.members.map((m) => [m.member_id, m.status]));
}

/** Presses Tab `n` times and checks after each that focus stayed inside `dialog`. */
async function expectTabStaysIn(page, dialog, n, key = 'Tab') {
  for (let i = 0; i < n; i += 1) {
    await page.keyboard.press(key);
    const inside = await dialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, `focus left the dialog after ${i + 1} × ${key}: ${JSON.stringify(await focusedInfo(page))}`).toBe(true);
  }
}

test('owner shares with the keyboard (Tab, type, Enter) and removes the member; dialogs trap and return focus', async ({ page }) => {
  const name = `e2e-kbd-owner-${Date.now()}`;
  const id = await sharedImage(name);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // Share: Tab to the box, type the project id, Enter.
  const box = page.getByLabel(/Project IDs/);
  await tabTo(page, box);
  await page.keyboard.type(beta);
  await page.keyboard.press('Enter');
  const row = page.locator(`tr.member-row[data-member-id="${beta}"]`);
  await expect(row).toBeVisible();
  await expect.poll(() => glanceMembers(id)).toEqual({ [beta]: 'pending' });
  // Focus lands on the results, which say what happened.
  const results = page.locator('.add-results');
  await expect(results).toContainText(`${beta}: added (pending)`);
  await expectFocused(results, 'focus on the add results');

  // Remove: Tab to the row's Remove button, Enter opens the confirmation with focus inside.
  const remove = row.getByRole('button', { name: /^Remove / });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(beta);
  await expectFocused(dialog.getByRole('button', { name: 'Cancel' }), 'focus on Cancel when the dialog opens');
  // The page behind it is hidden from a screen reader: its buttons are the only ones found.
  await expect(page.getByRole('button')).toHaveCount(2);
  await expect(page.getByRole('link')).toHaveCount(0);
  // Tab and Shift+Tab cycle inside the dialog (two controls: several rounds each way).
  await expectTabStaysIn(page, dialog, 5);
  await expectTabStaysIn(page, dialog, 5, 'Shift+Tab');
  // Escape closes it, nothing is removed, and focus is back on the Remove button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectFocused(remove, 'focus back on the Remove button after Escape');
  expect(await glanceMembers(id)).toEqual({ [beta]: 'pending' });

  // Again, and confirm with the keyboard: Tab from Cancel to Remove, Enter.
  await page.keyboard.press('Enter');
  await expectFocused(dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Tab');
  await expectFocused(dialog.getByRole('button', { name: 'Remove' }));
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await expect.poll(() => glanceMembers(id)).toEqual({});
  const result = page.locator('.member-list .action-result');
  await expect(result).toHaveText(`Removed 1 project from the image ${name}.`);
  await expectFocused(result, 'focus on the removal result, not the page body');
  expect((await focusedInfo(page)).tag).not.toBe('body');
});

test('consumer accepts in the catalog and rejects on the detail page with the keyboard', async ({ page }) => {
  const stamp = Date.now();
  const toAccept = `e2e-kbd-accept-${stamp}`;
  const toReject = `e2e-kbd-reject-${stamp}`;
  const acceptId = await sharedImage(toAccept, [beta]);
  const rejectId = await sharedImage(toReject, [beta]);
  await loginAs(page, 'bob');

  // Invitations tab, by keyboard: Tab to the tab link, Enter.
  const tab = page.getByRole('link', { name: 'Invitations', exact: true });
  await tabTo(page, tab);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=invitations/);
  const row = page.getByRole('row').filter({ hasText: toAccept });
  const accept = row.getByRole('button', { name: 'Accept' });
  await tabTo(page, accept);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row').filter({ hasText: toAccept })).toHaveCount(0);
  await expect.poll(async () => (await glanceMembers(acceptId))[beta]).toBe('accepted');
  // The row is gone with its button; focus is on the sentence that says what happened (a
  // status), and stays there while the invitation count is read again.
  const result = page.locator('main > .action-result');
  await expect(result).toHaveText(`You accepted the image ${toAccept}.`);
  await expectFocused(result, 'focus on the accept result, not the page body');
  await page.waitForLoadState('networkidle');
  await expectFocused(result, 'focus still on the result after the badge was read again');
  // The line speaks of the Invitations tab's rows: another tab does not keep it.
  await page.getByRole('link', { name: 'Shared with me', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: toAccept })).toHaveCount(1);
  await expect(result).toHaveText(''); // the live region stays, empty
  await page.goBack();
  await expect(page).toHaveURL(/view=invitations/);

  // Reject on the detail page: the confirmation keeps focus and returns it.
  await page.goto(`/images/${rejectId}`);
  await expect(page.getByRole('heading', { name: toReject })).toBeVisible();
  const reject = page.getByRole('button', { name: 'Reject', exact: true });
  await tabTo(page, reject);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(toReject);
  await expectTabStaysIn(page, dialog, 4);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectFocused(reject, 'focus back on Reject after Escape');
  expect((await glanceMembers(rejectId))[beta]).toBe('pending');
  await page.keyboard.press('Enter');
  await expectFocused(dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.consumer-status .member-status')).toHaveText('Rejected');
  await expect.poll(async () => (await glanceMembers(rejectId))[beta]).toBe('rejected');
  const answer = page.locator('.consumer-actions .action-result');
  await expect(answer).toHaveText(`You rejected the image ${toReject}.`);
  await page.waitForLoadState('networkidle');
  await expectFocused(answer, 'focus on the reject result, not the page body');
});

test('the re-login dialog takes focus and keeps it inside while open', async ({ page }) => {
  await loginAs(page, 'alice');
  await expect(page.locator('.image-table')).toBeVisible();
  const sort = page.getByRole('combobox', { name: 'Sort by', exact: true });
  await tabTo(page, sort);
  // The token refused (a 401 injected once: Glance caches token validation, so a revoked
  // token would still pass for a while).
  await page.route('**/image/v2/images**', (route) => route.fulfill({
    status: 401, contentType: 'application/json', body: JSON.stringify({ message: 'Unauthorized', code: '401 Unauthorized', title: 'Unauthorized' }),
  }), { times: 1 });
  await page.keyboard.press('ArrowDown');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expectFocused(dialog.getByLabel('Password', { exact: true }), 'focus on the password field');
  await expectTabStaysIn(page, dialog, 12);
  await expectTabStaysIn(page, dialog, 12, 'Shift+Tab');
  await tabTo(page, dialog.getByLabel('Password', { exact: true }), { max: 20 });
  await page.keyboard.type('alice-pass');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus goes back into the page, and stays there while the project list is read again with
  // the new token.
  await page.waitForLoadState('networkidle');
  await expect.poll(async () => (await focusedInfo(page)).tag, { message: 'focus not on the page body' }).not.toBe('body');
});

test('every control shows a visible focus ring', async ({ page }) => {
  const id = await sharedImage(`e2e-kbd-ring-${Date.now()}`, [beta]);
  // Styles of the focused element: an outline or a box shadow must show.
  const ring = () => page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {
      what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}"`,
      body: el === document.body,
      visible: outline || s.boxShadow !== 'none',
    };
  });
  const walk = async (minStops) => {
    const seen = [];
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      const r = await ring();
      if (r.body) break;
      expect(r.visible, `no focus ring on ${r.what}`).toBe(true);
      if (seen.includes(r.what) && seen.length > minStops) break;
      seen.push(r.what);
    }
    expect(seen.length).toBeGreaterThanOrEqual(minStops);
  };
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await walk(5);
  await loginAs(page, 'alice', { start: null });
  await expect(page.locator('.image-table')).toBeVisible();
  await walk(20);
  await page.goto(`/images/${id}`);
  await expect(page.locator('tr.member-row')).toHaveCount(1);
  await walk(20);
  // A plain button, checked directly: the ring is in the computed style.
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await tabTo(page, refresh, { max: 150 });
  expect(await isFocused(refresh)).toBe(true);
  expect((await ring()).visible).toBe(true);
});

test('"Skip to content" moves focus into the page and stays on it (login form and detail page)', async ({ page }) => {
  // Login page: what was typed is kept, the address does not change.
  await page.goto('/login');
  await expect(page.getByLabel('User name')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expectFocused(skip, 'the skip link is the first Tab stop');
  await page.getByLabel('User name').fill('alice');
  await skip.focus();
  const before = page.url();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('main');
  expect(page.url()).toBe(before);
  await expect(page.getByLabel('User name')).toHaveValue('alice');
  // The next Tab goes to the first control inside the page, not back to the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main').contains(document.activeElement))).toBe(true);

  // A logged-in page: the same, without leaving the image.
  const id = await sharedImage(`e2e-skip-${Date.now()}`);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const at = page.url();
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('main');
  expect(page.url()).toBe(at);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main').contains(document.activeElement))).toBe(true);
});

test('"Share with projects…" keeps focus inside while open and gives it back to its button', async ({ page }) => {
  const name = `e2e-kbd-many-${Date.now()}`;
  await sharedImage(name);
  await loginAs(page, 'alice');
  await page.getByLabel(`Select ${name}`, { exact: true }).check();
  const opener = page.getByRole('button', { name: 'Share with projects…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
  await expectFocused(dialog.getByLabel(/Project IDs/), 'focus in the box when the dialog opens');
  await expectTabStaysIn(page, dialog, 6);
  await expectTabStaysIn(page, dialog, 6, 'Shift+Tab');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectFocused(opener, 'focus back on "Share with projects…" after Escape');
  // The same after Close.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expectFocused(opener, 'focus back on "Share with projects…" after Close');
});

test('a page opened from another names itself in the tab title and takes the focus at its start (en, zh-CN)', async ({ page }) => {
  const name = `e2e-title-${Date.now()}`;
  const id = await sharedImage(name);
  await loginAs(page, 'alice');
  await expect(page).toHaveTitle('Images – Image Sharing');
  const main = page.locator('main#main');
  // Enter on an image's link: the detail page opens; focus is at its start, not on the body.
  await tabTo(page, page.getByRole('link', { name, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(`${name} – Image Sharing`);
  await expectFocused(main, 'focus at the start of the detail page');
  // The next Tab goes to the page's first control, not back to the header.
  await page.keyboard.press('Tab');
  await expectFocused(page.getByRole('link', { name: /Back to/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await expectFocused(main, 'focus at the start of the catalog');
  // The title follows the language.
  await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
  await expect(page).toHaveTitle('镜像 – 镜像共享');
  await page.goto(`/images/${id}`);
  await expect(page).toHaveTitle(`${name} – 镜像共享`);
  await page.goto('/images/new');
  await expect(page).toHaveTitle('创建镜像 – 镜像共享');
});

test('a button disabled while its request runs keeps the keyboard focus near it, then gets it back', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-kb-keep-${Date.now()}`);
  created.push(id);
  // Glance's answer held a moment, so the button is disabled while focus is checked.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/v2/images/${id}`, async (route) => {
    if (route.request().method() === 'PATCH') await held;
    await route.continue();
  });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const protect = page.getByRole('button', { name: 'Protect', exact: true });
  await protect.focus();
  await page.keyboard.press('Enter');
  await expect(protect).toBeDisabled();
  // Not the page body: the section the button is in (Tab goes on from there).
  expect(await page.evaluate(() => document.activeElement.tagName)).toBe('SECTION');
  release();
  const unprotect = page.getByRole('button', { name: 'Unprotect', exact: true });
  await expect(unprotect).toBeFocused();
  expect((await glance(token, 'GET', `/v2/images/${id}`)).json.protected).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Protect', exact: true })).toBeFocused();
  expect((await glance(token, 'GET', `/v2/images/${id}`)).json.protected).toBe(false);
});

test('a notice\'s Dismiss, which goes with its notice, leaves the focus at the page\'s start, not on the body', async ({ page }) => {
  const id = await sharedImage(`e2e-kbd-dismiss-${Date.now()}`);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Deleted e2e-kbd-dismiss-');
  await notice.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement.id)).toBe('main');
});
