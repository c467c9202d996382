// Issue 13: no English reaches a Chinese screen (nor English brackets around Chinese text). Walks every page and main state in zh-CN
// (browser language zh-CN, nothing saved) and fails on runs of two or more ASCII letters in
// visible text and in aria-label / title / placeholder, outside technical tokens and the user's
// own data (image names, ids, projects, tags it created), then prints what it found.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, loginAsZh } = require('../lib/app');

const { beta, gamma } = seed.projects;

/** Words that stay as they are in Chinese: product and protocol names, units, formats. */
const ALLOWED = new Set([
  'Glance', 'Keystone', 'OpenStack', 'ID', 'URL', 'CORS', 'JSON', 'CSV', 'HTTP', 'MD5', 'Chromium',
  'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'GB', 'MB',
  // disk and container formats (model/formats.rs), hash algorithms
  'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'qcow', 'vdi', 'iso', 'ploop',
  'bare', 'ovf', 'ova', 'docker', 'compressed', 'sha256', 'sha384', 'sha512', 'sha',
  // the language switcher names each language in itself
  'English',
  // keyboard keys, named as printed on the keys (按 Enter 添加)
  'Enter', 'Shift', 'Tab', 'Esc',
]);
/** Technical tokens removed before looking for words: import methods, URLs, files, keys. */
const TECHNICAL = [
  /glance-direct|web-download/g,
  /https?:\/\/[^\s“”"'，。；）)]*/g,
  /(?<![\w.])\/[\w./-]+/g, // paths (/identity/v3)
  /\b[\w-]+\.(json|html)\b/g,
  /\b[a-z]+(_[a-z]+)+\b/g, // config.json keys (auth_url, region_name, …)
  /\breq-[0-9a-f-]+/g, // request ids
  /\b[0-9a-f]{32}\b/g, // Keystone ids
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, // image ids
  /\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)?/g, // timestamps as Glance writes them
];

/**
 * Every visible text and labelling attribute of the page, outside `translate="no"` (user
 * data), code, and the panic banner's technical details. Options of visible selects count.
 */
async function screenTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const skipped = (el) => el.closest('[translate="no"], code, pre, kbd, script, style, noscript');
    const shown = (el) => el.checkVisibility ? el.checkVisibility() : !!el.offsetParent;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent.trim();
      if (!text || !el || skipped(el)) continue;
      const inSelect = el.closest('select');
      if (inSelect ? !shown(inSelect) : !shown(el)) continue;
      out.push({ where: `<${el.tagName.toLowerCase()}>`, text });
    }
    // A heading or control whose text is made of several text nodes (成员 + （ + 2 + ）) is
    // also read whole, as a screen reader says it.
    // User data and code inside it count as a placeholder (the label before them is still read).
    for (const el of document.body.querySelectorAll('h1, h2, h3, h4, button, label, legend, th, summary, li, p')) {
      if (skipped(el) || !shown(el) || el.childNodes.length < 2) continue;
      let text = '';
      const inner = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = inner.nextNode(); n; n = inner.nextNode()) {
        text += skipped(n.parentElement) ? ' … ' : n.textContent;
      }
      text = text.trim();
      if (text) out.push({ where: `<${el.tagName.toLowerCase()}> (whole)`, text });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skipped(el) || !shown(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${a} of <${el.tagName.toLowerCase()}>`, text: v });
      }
    }
    return out;
  });
}

/** An ASCII bracket next to a Chinese character, spaces between allowed (user data and ids
 *  are taken out first, so `移除 beta (id)` is caught as `移除 … (`). */
const HALF_WIDTH_BRACKET = /[\u3400-\u9fff]\s*[()]|[()]\s*[\u3400-\u9fff]/;
/** An ASCII colon after a Chinese label (请求 ID: …) or before Chinese text (beta: 已添加), where
 *  Chinese takes `：`; not in times (12:30). */
/** A space between two Chinese sentences (…ID。 按 Enter…): full-width punctuation has its own gap. */
const SPACE_AFTER_STOP = /[。；！？]\s+[\u3400-\u9fff]/;
const HALF_WIDTH_COLON = /([\u3400-\u9fff]|\bID)\s*:(\s|$)|:\s*[\u3400-\u9fff]/;

/** The English words found on screen now, each with where it was, minus `known` user data. */
async function englishOnScreen(page, known) {
  const found = [];
  for (const { where, text } of await screenTexts(page)) {
    let rest = text;
    for (const k of known) rest = rest.split(k).join(' ');
    for (const re of TECHNICAL) rest = rest.replace(re, ' ');
    const words = (rest.match(/[A-Za-z][A-Za-z0-9]+/g) || []).filter((w) => /[A-Za-z]{2}/.test(w) && !ALLOWED.has(w));
    // Chinese text takes full-width brackets: 全部接受（3）, not 全部接受 (3).
    if (HALF_WIDTH_BRACKET.test(rest)) words.push('half-width bracket beside Chinese');
    if (HALF_WIDTH_COLON.test(rest)) words.push('half-width colon beside Chinese');
    if (SPACE_AFTER_STOP.test(rest)) words.push('space after a Chinese full stop');
    if (words.length) found.push(`${where} ${JSON.stringify(text)} → ${words.join(', ')}`);
  }
  return found;
}

/** Collects English found in each state; the test fails at the end with the whole list. */
function checker(known) {
  const report = [];
  const check = async (page, state) => {
    await page.waitForLoadState('networkidle');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    for (const line of await englishOnScreen(page, known)) report.push(`[${state}] ${line}`);
  };
  return { report, check };
}

async function zhPage(browser) {
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  return ctx.newPage();
}

/** Names of everything the users' projects can see (other tests' images show up too). */
async function userData() {
  const known = new Set(['alice', 'bob', 'carol', 'dave', 'alpha', 'beta', 'gamma', 'admin', 'Default', 'RegionOne']);
  for (const user of ['alice', 'bob']) {
    const token = await tokenFor(user);
    for (const q of ['', '?member_status=all', '?visibility=community']) {
      const r = await glance(token, 'GET', `/v2/images${q}${q ? '&' : '?'}limit=1000`);
      for (const img of r.json.images || []) {
        if (img.name) known.add(img.name);
        for (const t of img.tags || []) known.add(t);
      }
    }
  }
  // Longest first, so a name is removed whole before a shorter one inside it.
  return [...known].sort((a, b) => b.length - a.length);
}

test('no English text reaches a zh-CN screen, on any page or main state', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  // An image of alpha's with a pending invitation for beta, and one for the owner's views.
  const shared = await createImage(alice, `zh-shared-${stamp}`, null, { visibility: 'shared', tags: [`zh-tag-${stamp}`] });
  expect((await glance(alice, 'POST', `/v2/images/${shared}/members`, { member: beta })).status).toBe(200);
  const known = await userData();
  const { report, check } = checker(known);
  try {
    // Login, then its error.
    const page = await zhPage(browser);
    await page.goto('/login');
    await check(page, 'login');
    await page.getByLabel('用户名').fill('bob');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByLabel('项目', { exact: true }).fill('beta');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await check(page, 'login failed');

    // The consumer: every catalog tab, the invitation, the detail page.
    await loginAsZh(page, 'bob');
    for (const tab of ['我的镜像', '共享给我的', '邀请', '已拒绝', '公有', '社区']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await expect(page.locator('.image-table, .empty-state').first()).toBeVisible();
      await check(page, `catalog: ${tab}`);
    }
    await page.getByRole('link', { name: '邀请', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: `zh-shared-${stamp}` })).toBeVisible();
    await check(page, 'invitations with a pending one');
    await page.getByRole('button', { name: '全部接受' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await check(page, 'accept all dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
    await page.goto(`/images/${shared}`);
    await expect(page.getByRole('heading', { name: `zh-shared-${stamp}` })).toBeVisible();
    await check(page, 'detail as consumer');

    // The owner: detail with the sharing panel and its results, dialogs, create page.
    const owner = await zhPage(browser);
    await loginAsZh(owner, 'alice', { start: `/images/${shared}` });
    await expect(owner.getByRole('heading', { name: `zh-shared-${stamp}` })).toBeVisible();
    await expect(owner.locator(`tr.member-row[data-member-id="${beta}"]`)).toBeVisible();
    await owner.getByLabel(/项目 ID（多个/).fill(`${gamma}\nno-such-project!\n${beta}`);
    await owner.getByRole('button', { name: '添加成员', exact: true }).click();
    await expect(owner.locator('.add-results__item')).toHaveCount(3);
    await check(owner, 'detail as owner, add results');
    await owner.getByRole('button', { name: `移除 ${beta}` }).or(owner.getByRole('button', { name: '移除 beta' })).first().click();
    await expect(owner.getByRole('alertdialog')).toBeVisible();
    await check(owner, 'remove member dialog');
    await owner.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
    await owner.getByRole('button', { name: '删除', exact: true }).click();
    await expect(owner.getByRole('alertdialog')).toBeVisible();
    await check(owner, 'delete image dialog');
    await owner.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();

    await owner.goto('/images');
    await owner.getByRole('checkbox').nth(1).check();
    await owner.getByRole('checkbox').nth(2).check();
    await owner.getByRole('button', { name: /^删除所选/ }).click();
    await expect(owner.getByRole('alertdialog')).toContainText('个镜像');
    await check(owner, 'bulk delete dialog');
    await owner.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();

    // The access overview and "remove a project from all images": its confirmation.
    await owner.getByRole('link', { name: '访问概览' }).click();
    await expect(owner.getByRole('status').filter({ hasText: /已读取/ })).toHaveText(/已读取 (\d+) 个镜像中 \1 个的成员/);
    await owner.getByRole('searchbox', { name: '镜像名称' }).fill(`zh-shared-${stamp}`);
    await expect(owner.locator('.access-table tbody tr').first()).toBeVisible();
    await check(owner, 'access overview');
    await owner.getByRole('combobox', { name: '要从所有显示的镜像中移除的成员' }).selectOption(beta);
    await owner.getByRole('button', { name: '从 1 个镜像中移除' }).click();
    await expect(owner.getByRole('alertdialog')).toBeVisible();
    await check(owner, 'remove a project from all images dialog');
    await owner.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();

    await owner.goto('/images');
    await owner.getByRole('link', { name: '创建镜像' }).click();
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('创建镜像');
    await check(owner, 'create page');

    // The session about to end (a warning with minutes in Chinese), then ended (the dialog).
    const setExpiry = (ms) => owner.evaluate(([k, at]) => {
      const s = JSON.parse(sessionStorage.getItem(k));
      s.answer.token.expires_at = new Date(Date.now() + at).toISOString();
      sessionStorage.setItem(k, JSON.stringify(s));
    }, ['glance-share.session', ms]);
    await setExpiry(4 * 60 * 1000);
    await owner.goto('/images');
    await expect(owner.getByRole('status').filter({ hasText: '您的会话将在' })).toContainText(/将在 [34] 分钟后过期/);
    await check(owner, 'expiry warning');
    await setExpiry(3000);
    await owner.reload();
    await expect(owner.getByRole('dialog', { name: '会话已过期' })).toBeVisible({ timeout: 20_000 });
    await check(owner, 'session expired dialog');

    // A broken config.json (a fault nginx serves only when misconfigured).
    const broken = await zhPage(browser);
    await broken.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"region_name": "RegionOne"}' }));
    await broken.goto('/images');
    await expect(broken.getByRole('heading', { name: '此应用的配置不正确' })).toBeVisible();
    await check(broken, 'config error page');
  } finally {
    await glance(alice, 'DELETE', `/v2/images/${shared}`);
  }
  expect(report, `English on zh-CN screens:\n${report.join('\n')}`).toEqual([]);
});

test('switching to Chinese on a page already shown leaves no English behind', async ({ browser }) => {
  // Text a component renders once (inside a link, say) does not follow a later switch unless
  // it is reactive; the header's invitation count once stayed "1 invitation" on a zh page.
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  const shared = await createImage(alice, `zh-switch-${stamp}`, null, { visibility: 'shared' });
  expect((await glance(alice, 'POST', `/v2/images/${shared}/members`, { member: beta })).status).toBe(200);
  const known = await userData();
  const { report, check } = checker(known);
  const toChinese = async (page) => {
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
  };
  try {
    // bob, with a pending invitation: the header's count, the Invitations tab, the detail page.
    const bob = await (await browser.newContext()).newPage();
    await loginAs(bob, 'bob');
    await expect(bob.locator('.invitation-badge')).toContainText('to answer');
    await bob.getByRole('link', { name: 'Invitations', exact: true }).click();
    await expect(bob.getByRole('row').filter({ hasText: `zh-switch-${stamp}` })).toBeVisible();
    await toChinese(bob);
    await check(bob, 'invitations, switched');
    await bob.getByRole('combobox', { name: '语言' }).first().selectOption('en');
    await bob.goto(`/images/${shared}`);
    await expect(bob.getByRole('heading', { name: `zh-switch-${stamp}` })).toBeVisible();
    await toChinese(bob);
    await check(bob, 'detail as consumer, switched');

    // alice, the owner: the detail page with its sharing panel, member table and the result
    // line of a member she has just added (written in English, said again in Chinese).
    const owner = await (await browser.newContext()).newPage();
    await loginAs(owner, 'alice', { start: `/images/${shared}` });
    await expect(owner.locator(`tr.member-row[data-member-id="${beta}"]`)).toBeVisible();
    await owner.getByLabel(/Project IDs/).fill(gamma);
    await owner.getByRole('button', { name: 'Add members', exact: true }).click();
    await expect(owner.locator('.add-results__item--ok')).toContainText('added (pending)');
    await toChinese(owner);
    await expect(owner.locator('.add-results__item--ok')).not.toContainText('added (pending)');
    await check(owner, 'detail as owner, switched');
    await owner.goto('/images/new');
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('创建镜像');
    await owner.getByRole('combobox', { name: '语言' }).first().selectOption('en');
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Create an image');
    await toChinese(owner);
    await check(owner, 'create page, switched');
  } finally {
    await glance(alice, 'DELETE', `/v2/images/${shared}`);
  }
  expect(report, `English left on zh-CN screens after switching:\n${report.join('\n')}`).toEqual([]);
});

test('a notice written in English is said again in Chinese after switching', async ({ page }) => {
  // A notice (the result of an action finished after its page was left) keeps what happened,
  // not its words: after a switch its summary, each refusal's explanation made by the app
  // (here: Glance could not be reached) and its Dismiss button are Chinese.
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  const done = `zh-notice-ok-${stamp}`;
  const dropped = `zh-notice-dropped-${stamp}`;
  const ids = { [done]: await createImage(alice, done), [dropped]: await createImage(alice, dropped) };
  const known = await userData();
  const { report, check } = checker(known);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  try {
    await loginAs(page, 'alice');
    for (const n of [done, dropped]) await page.getByLabel(`Select ${n}`).check();
    // Each DELETE waits 2 s in the browser, so the run is still going when the user leaves;
    // the one for `dropped` then never reaches Glance (the connection is reset).
    let deletes = 0;
    await page.route('**/v2/images/*', async (route) => {
      if (route.request().method() !== 'DELETE') return route.continue();
      deletes += 1;
      await sleep(2000);
      if (route.request().url().endsWith(ids[dropped])) return route.abort('connectionreset');
      return route.continue();
    });
    await page.getByRole('button', { name: 'Delete selected (2)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => deletes).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'New image' }).click();
    await expect(page).toHaveURL(/\/images\/new$/);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('Deleted 1 of 2 images.', { timeout: 20_000 });
    await expect(notice).toContainText(dropped);
    await expect(notice).toContainText('could not be reached');

    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(notice).toContainText('已删除 1 / 2 个镜像。');
    await expect(notice).toContainText(dropped);
    await expect(notice).toContainText('无法连接到 Glance');
    await expect(notice).not.toContainText('Deleted');
    await expect(notice).not.toContainText('could not be reached');
    await expect(notice.getByRole('button', { name: /^关闭：已删除 1 \/ 2 个镜像/ })).toBeVisible();
    await check(page, 'notice, switched');
  } finally {
    for (const id of Object.values(ids)) await glance(alice, 'DELETE', `/v2/images/${id}`);
  }
  expect(report, `English left in a notice after switching:\n${report.join('\n')}`).toEqual([]);
});

test('the result line of an answer is said again in the language switched to', async ({ page }) => {
  // A single Accept's line once kept the words of the language it was made in: a Chinese
  // screen said "You accepted the image …" after a switch. On the detail page (the control's
  // own line) and in the Invitations tab (the catalog's line, the row being gone).
  const stamp = Date.now();
  const alice = await tokenFor('alice');
  const onPage = `zh-answer-page-${stamp}`;
  const inTab = `zh-answer-tab-${stamp}`;
  const ids = {};
  for (const name of [onPage, inTab]) {
    ids[name] = await createImage(alice, name, null, { visibility: 'shared' });
    expect((await glance(alice, 'POST', `/v2/images/${ids[name]}/members`, { member: beta })).status).toBe(200);
  }
  const language = (value) => page.getByRole('combobox', { name: /^(Language|语言)$/ }).first().selectOption(value);
  try {
    await loginAs(page, 'bob', { start: `/images/${ids[onPage]}` });
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const line = page.locator('.consumer-actions .action-result');
    await expect(line).toHaveText(`You accepted the image ${onPage}.`);
    await language('zh-CN');
    await expect(line).toHaveText(`您已接受镜像 ${onPage}。`);
    await language('en');
    await expect(line).toHaveText(`You accepted the image ${onPage}.`);

    await page.goto('/images?view=invitations');
    const row = page.getByRole('row').filter({ hasText: inTab });
    await row.getByRole('button', { name: 'Accept', exact: true }).click();
    const catalogLine = page.locator('main .action-result');
    await expect(catalogLine).toHaveText(`You accepted the image ${inTab}.`);
    await language('zh-CN');
    await expect(catalogLine).toHaveText(`您已接受镜像 ${inTab}。`);
  } finally {
    for (const id of Object.values(ids)) await glance(alice, 'DELETE', `/v2/images/${id}`);
  }
});
