// Controls are found by their names (a screen reader's list of buttons, a test's getByRole):
// on each screen, no control's name may be found inside the name of another control of the
// same role, in English and in Chinese. Otherwise a search for "Accept" also finds "Back to
// pending" (zh 接受 / 恢复为待接受), "Invitations" the header's count, "Property" the new
// value's box. Names in table rows are compared within their row only (rows carry image and
// project names, which may contain each other); a row control's name is also looked for in
// the page's controls, except for the pairs listed in ALLOWED. A table's header row (sort
// buttons named by their columns) is compared within itself.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta } = seed.projects;
const stamp = Date.now();
const ids = {};
test.beforeAll(async () => {
  const alice = await tokenFor('alice');
  // Shared with beta, whose answer is "rejected": its page offers Accept and Back to pending.
  ids.rejected = await createImage(alice, `e2e-names-rejected-${stamp}`, null, { visibility: 'shared', os_distro: 'cirros' });
  expect((await glance(alice, 'POST', `/v2/images/${ids.rejected}/members`, { member: beta })).status).toBe(200);
  const bob = await tokenFor('bob');
  expect((await glance(bob, 'PUT', `/v2/images/${ids.rejected}/members/${beta}`, { status: 'rejected' })).status).toBe(200);
  // And one pending, for the Invitations tab and the invitation page.
  ids.pending = await createImage(alice, `e2e-names-pending-${stamp}`, null, { visibility: 'shared' });
  expect((await glance(alice, 'POST', `/v2/images/${ids.pending}/members`, { member: beta })).status).toBe(200);
});
test.afterAll(async () => {
  const alice = await tokenFor('alice');
  for (const id of Object.values(ids)) await glance(alice, 'DELETE', `/v2/images/${id}`);
});

const ROLES = ['button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'spinbutton', 'heading', 'table'];

/**
 * Page-level name ⊃ row name pairs that are meant: "Accept all (2)" beside each row's "Accept"
 * is the bulk form of the row's action (a row's own button is found within its row).
 */
const ALLOWED = [
  [/^(Accept all|全部接受)/, /^(Accept|接受)$/],
];

/** Every named control of the screen, with its role, name and row (null outside tables). */
async function namedControls(page) {
  const found = [];
  for (const role of ROLES) {
    const all = page.getByRole(role);
    const n = await all.count();
    for (let i = 0; i < n; i += 1) {
      const el = all.nth(i);
      if (!(await el.isVisible()) && !(await el.evaluate((e) => !!e.closest('thead')))) continue;
      // The accessible name as Playwright computes it: `- role "name"` (or no name).
      const snap = (await el.ariaSnapshot()).split('\n')[0];
      const m = snap.match(/^- \S+ "((?:[^"\\]|\\.)*)"/);
      if (!m) continue;
      const name = JSON.parse(`"${m[1]}"`);
      const row = await el.evaluate((e) => {
        // A column header's sort button is found within its header (the ARIA sortable-table
        // pattern names it by its column): the headers are a scope of their own.
        if (e.closest('thead')) return `head ${e.closest('table').className}`;
        const tr = e.closest('tbody tr');
        return tr ? Array.from(tr.parentElement.children).indexOf(tr) + (tr.closest('table').className || '') : null;
      });
      found.push({ role, name, row });
    }
  }
  return found;
}

/** The pairs (a inside b) of one screen that a search by a's name would confuse. */
function clashes(controls) {
  const out = [];
  for (const a of controls) {
    for (const b of controls) {
      if (a.role !== b.role || a === b) continue;
      // Two headings of one name on a screen (outside rows) cannot be told apart in a
      // screen reader's list of headings either.
      if (a.name === b.name) {
        if (a.role === 'heading' && a.row === null && b.row === null) out.push(`two headings "${a.name}"`);
        continue;
      }
      // Two rows' own controls are not compared; a row's inside the page's are. A page
      // control inside a row's name is left: rows carry image names, which are anybody's.
      if (a.row !== null && b.row !== null && a.row !== b.row) continue;
      if (a.row === null && b.row !== null) continue;
      if (a.row !== b.row && [a.row, b.row].some((r) => r?.startsWith('head '))) continue;
      if (!b.name.toLowerCase().includes(a.name.toLowerCase())) continue;
      if (ALLOWED.some(([outer, inner]) => outer.test(b.name) && inner.test(a.name))) continue;
      out.push(`${a.role} "${a.name}" is inside "${b.name}"`);
    }
  }
  return [...new Set(out)];
}

const SCREENS = [
  { name: 'login', user: null, path: '/login', ready: (p, zh) => p.getByRole('button', { name: zh ? '登录' : 'Log in' }) },
  { name: 'catalog (alice)', user: 'alice', path: '/images', ready: (p) => p.locator('.image-table') },
  { name: 'invitations (bob)', user: 'bob', path: '/images?view=invitations', ready: (p) => p.locator('.invitation-badge') },
  { name: 'owner detail', user: 'alice', path: () => `/images/${ids.rejected}`, ready: (p) => p.locator('.member-table') },
  { name: 'rejected, as bob', user: 'bob', path: () => `/images/${ids.rejected}`, ready: (p, zh) => p.getByRole('button', { name: zh ? '恢复为待定' : 'Back to pending' }) },
  { name: 'invitation page', user: 'bob', path: () => `/invitations/${ids.pending}`, ready: (p, zh) => p.getByRole('button', { name: zh ? '接受' : 'Accept', exact: true }) },
  { name: 'create image', user: 'alice', path: '/images/new', ready: (p) => p.locator('#new-name') },
  { name: 'access overview', user: 'alice', path: '/access', ready: (p) => p.locator('.access-table') },
];

for (const zh of [false, true]) {
  test(`no control's name is found inside another's on the main screens (${zh ? 'zh-CN' : 'en'})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const report = [];
    const sessions = {};
    for (const screen of SCREENS) {
      if (!sessions[screen.user ?? 'nobody']) {
        const context = await browser.newContext({ locale: zh ? 'zh-CN' : 'en-US' });
        const page = await context.newPage();
        if (screen.user) await loginAs(page, screen.user, { language: zh ? 'zh' : 'en' });
        sessions[screen.user ?? 'nobody'] = page;
      }
      const page = sessions[screen.user ?? 'nobody'];
      await page.goto(typeof screen.path === 'function' ? screen.path() : screen.path);
      await expect(screen.ready(page, zh).first()).toBeVisible();
      // Names that arrive later (project names, counts) are in.
      await page.waitForLoadState('networkidle');
      const controls = await namedControls(page);
      expect(controls.length, screen.name).toBeGreaterThan(3);
      for (const c of clashes(controls)) report.push(`${screen.name}: ${c}`);
    }
    expect(report).toEqual([]);
  });
}
