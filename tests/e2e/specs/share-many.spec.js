// Issue 15.2: "Share with projects…" on My images shares the selected images with many projects
// at once; each (image, project) pair is checked against what Glance really holds. The one
// failure Glance won't produce on demand (a 500) is injected with Playwright routing.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta, gamma } = seed.projects;

async function membersOf(token, id) {
  const r = await glance(token, 'GET', `/v2/images/${id}/members`);
  return Object.fromEntries(r.json.members.map((m) => [m.member_id, m.status]));
}


/** Fails when a button of `question` wraps its words: it is then taller than the dialog's
 *  own Close button (the question's buttons once shrank to one letter per line). */
async function expectButtonsOnOneLine(dialog, question, close) {
  const oneLine = (await dialog.getByRole('button', { name: close, exact: true }).boundingBox()).height;
  for (const button of await question.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box.height, await button.textContent()).toBeLessThanOrEqual(oneLine + 1);
  }
}

test.describe('share many', () => {
  const stamp = Date.now();
  // dave works in alpha and is a member of beta too, so he can name beta; gamma goes by id.
  const names = { priv: `e2e-sm-priv-${stamp}`, one: `e2e-sm-one-${stamp}`, two: `e2e-sm-two-${stamp}` };
  const ids = {};
  let token;

  test.beforeAll(async () => {
    token = await tokenFor('dave', 'alpha');
    ids.priv = await createImage(token, names.priv, null, { visibility: 'private' });
    ids.one = await createImage(token, names.one, null, { visibility: 'shared' });
    ids.two = await createImage(token, names.two, null, { visibility: 'shared' });
  });

  test.afterAll(async () => {
    for (const id of Object.values(ids)) await glance(token, 'DELETE', `/v2/images/${id}`);
  });

  test('three images with beta (name) and gamma (id): private one made shared, a 500 stays for retry', async ({ page }) => {
    await loginAs(page, 'dave', { project: 'alpha' });
    for (const n of Object.values(names)) await page.getByLabel(`Select ${n}`).check();

    // The member POST for (two, gamma) fails once with a 500 and Glance-style JSON body.
    let injected = 0;
    await page.route(`**/v2/images/${ids.two}/members`, async (route) => {
      const body = route.request().postDataJSON();
      if (route.request().method() === 'POST' && body && body.member === gamma && injected === 0) {
        injected += 1;
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ message: 'Injected member store failure', code: '500 Internal Server Error', title: 'Internal Server Error' }),
        });
        return;
      }
      await route.continue();
    });

    await page.getByRole('button', { name: 'Share with projects…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 3 images with projects' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    const input = dialog.getByLabel(/Project IDs/);
    await expect(input).toBeFocused();
    const makeShared = dialog.getByLabel('Make the private image shared first');
    await expect(makeShared).toBeChecked();
    await input.fill(`beta\n${gamma}\n..\nbeta`);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();

    const line = (text) => dialog.getByRole('listitem').filter({ hasText: text });
    await expect(line(`${names.two} → ${gamma}`)).toContainText('Injected member store failure', { timeout: 20_000 });
    await expect(line(`${names.priv}:`)).toContainText('made shared');
    await expect(line('..:')).toContainText('not a valid project ID');
    await expect(line('beta: listed twice')).toHaveCount(1);
    for (const key of ['priv', 'one', 'two']) {
      await expect(line(`${names[key]} → beta`)).toContainText('added (pending)');
    }
    await expect(line(`${names.priv} → ${gamma}`)).toContainText('added (pending)');
    await expect(line(`${names.one} → ${gamma}`)).toContainText('added (pending)');
    // 1 visibility line + 6 pairs + 2 refused entries (.. and the second beta).
    await expect(dialog.getByRole('listitem')).toHaveCount(9);

    // Glance holds exactly what the lines say; the private image became shared.
    expect((await glance(token, 'GET', `/v2/images/${ids.priv}`)).json.visibility).toBe('shared');
    expect(await membersOf(token, ids.priv)).toEqual({ [beta]: 'pending', [gamma]: 'pending' });
    expect(await membersOf(token, ids.one)).toEqual({ [beta]: 'pending', [gamma]: 'pending' });
    expect(await membersOf(token, ids.two)).toEqual({ [beta]: 'pending' });
    // The box keeps what is to be corrected (..) or retried (gamma), not what went through
    // (beta) nor the line listed twice.
    await expect(input).toHaveValue(`..\n${gamma}`);

    // Retry sends only the failed pair, which now goes through.
    await dialog.getByRole('button', { name: 'Retry failed' }).click();
    await expect(line(`${names.two} → ${gamma}`)).toContainText('added (pending)');
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);
    expect(injected).toBe(1);
    await expect(input).toHaveValue('..');
    expect(await membersOf(token, ids.two)).toEqual({ [beta]: 'pending', [gamma]: 'pending' });

    // Escape closes the dialog.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('without "make shared first" a private image is skipped, and Glance refuses a second add (409)', async ({ page }) => {
    const priv2 = `e2e-sm-priv2-${stamp}`;
    const held = `e2e-sm-held-${stamp}`;
    ids.priv2 = await createImage(token, priv2, null, { visibility: 'private' });
    ids.held = await createImage(token, held, null, { visibility: 'shared' });
    expect((await glance(token, 'POST', `/v2/images/${ids.held}/members`, { member: beta })).status).toBe(200);
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByLabel(`Select ${priv2}`).check();
    await page.getByLabel(`Select ${held}`).check();
    await page.getByRole('button', { name: 'Share with projects…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 2 images with projects' });
    await dialog.getByLabel('Make the private image shared first').uncheck();
    await dialog.getByLabel(/Project IDs/).fill('beta');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    const line = (text) => dialog.getByRole('listitem').filter({ hasText: text });
    await expect(line(`${priv2}:`)).toContainText('private: skipped');
    await expect(line(`${held} → beta`)).toContainText('already a member');
    await expect(dialog.getByRole('listitem')).toHaveCount(2);
    expect((await glance(token, 'GET', `/v2/images/${ids.priv2}`)).json.visibility).toBe('private');
    // Glance keeps no member list for a private image at all.
    expect((await glance(token, 'GET', `/v2/images/${ids.priv2}/members`)).status).toBe(403);
  });

  test("a project name that is not dave's is asked about first; \"Add anyway\" sends it as typed", async ({ page }) => {
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/members')) posts.push(r.postDataJSON().member); });
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByLabel(`Select ${names.one}`).check();
    await page.getByRole('button', { name: 'Share with projects…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
    // Nothing typed: one line saying so, naming no entry (no stray colon before it).
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(dialog.getByRole('listitem')).toHaveText(['Enter at least one project ID or name.']);
    // dave is not in gamma: its name cannot be looked up, and Glance would store "gamma".
    await dialog.getByLabel(/Project IDs/).fill('gamma');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    const question = dialog.getByRole('alert');
    await expect(question).toContainText('nor shaped like a project ID');
    await expect(question).toContainText('): gamma.');
    await expectButtonsOnOneLine(dialog, question, 'Close');
    expect(posts).toEqual([]);
    await question.getByRole('button', { name: 'Add anyway' }).click();
    await expect(dialog.getByRole('listitem').filter({ hasText: `${names.one} → gamma` })).toContainText('added (pending)');
    expect(posts).toEqual(['gamma']);
    expect((await membersOf(token, ids.one)).gamma).toBe('pending');
    // Every pair went through: the box is empty for the next projects.
    await expect(dialog.getByLabel(/Project IDs/)).toHaveValue('');
  });

  test('a run that goes on after its dialog is closed: the Access overview opened meanwhile shows its members once it ends', async ({ page }) => {
    const late = `e2e-sm-late-${stamp}`;
    ids.late = await createImage(token, late, null, { visibility: 'shared' });
    // Glance's answer to the member POST is held back 3 s (the request itself goes through).
    await page.route(`**/v2/images/${ids.late}/members`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      await new Promise((ok) => setTimeout(ok, 3000));
      await route.fulfill({ response }).catch(() => {});
    });
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByLabel(`Select ${late}`).check();
    await page.getByRole('button', { name: 'Share with projects…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
    await dialog.getByLabel(/Project IDs/).fill(gamma);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('link', { name: 'Access overview' }).click();
    await page.getByRole('searchbox', { name: 'Image name' }).fill(late);
    await expect(page.getByTestId('notice')).toContainText('Shared with projects: 1 of 1 image–project pair', { timeout: 15_000 });
    await expect(page.locator(`.access-table tr[data-image="${ids.late}"][data-project="${gamma}"]`)).toHaveCount(1);
    expect(await membersOf(token, ids.late)).toEqual({ [gamma]: 'pending' });
  });

  test('zh-CN: the button and the dialog title', async ({ page }) => {
    await loginAs(page, 'dave', { project: 'alpha' });
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await page.getByLabel(new RegExp(names.one)).check();
    await page.getByLabel(new RegExp(names.two)).check();
    await page.getByRole('button', { name: '共享给项目…' }).click();
    const dialog = page.getByRole('dialog', { name: '将 2 个镜像共享给项目' });
    await expect(dialog).toBeVisible();
    // The question about a name that is not dave's, in Chinese; Cancel sends nothing.
    await dialog.getByLabel(/项目 ID（多个/).fill('gamma');
    await dialog.getByRole('button', { name: '共享', exact: true }).click();
    const question = dialog.getByRole('alert');
    await expect(question).toContainText('既不是您的项目名称，也不像项目 ID（32 位十六进制字符）：gamma。');
    await expectButtonsOnOneLine(dialog, question, '关闭');
    await question.getByRole('button', { name: '取消', exact: true }).click();
    await expect(question).toHaveCount(0);
    await expect(dialog.getByLabel(/项目 ID（多个/)).toHaveValue('gamma');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
