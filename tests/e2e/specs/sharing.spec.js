// Issue 5: the sharing workflow across logins, each step checked against Glance itself.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, unusedProjectId } = require('../lib/stack');
const { loginAs, imageNames } = require('../lib/app');

const { alpha, beta, gamma } = seed.projects;

/** Creates a private image in alpha (as alice) for one test; returns its id. */
async function privateImage(name) {
  const token = await tokenFor('alice');
  const r = await glance(token, 'POST', '/v2/images', {
    name, visibility: 'private', disk_format: 'raw', container_format: 'bare',
  });
  expect(r.status).toBe(201);
  return r.json.id;
}

/** Member statuses as Glance holds them, asked as the owner. */
async function glanceMembers(id) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.json.members.map((m) => [m.member_id, m.status]));
}

async function deleteImage(id) {
  await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${id}`);
}

const memberRow = (page, projectId) => page.locator(`tr.member-row[data-member-id="${projectId}"]`);

test('owner shares with two projects, one accepts, one rejects, owner prunes, consumer resets', async ({ browser }) => {
  const name = `e2e-share-${Date.now()}`;
  const id = await privateImage(name);
  try {
    // dave works in alpha; he can name beta (his own project) and paste gamma's id.
    const owner = await browser.newPage();
    await loginAs(owner, 'dave', { project: 'alpha', start: `/images/${id}` });
    await expect(owner.getByRole('heading', { name })).toBeVisible();
    await expect(owner.getByRole('radio', { name: /^Private/ })).toBeChecked();
    await owner.getByLabel(/Project IDs/).fill(`beta\n${gamma}`);
    await owner.getByRole('button', { name: 'Add members', exact: true }).click();
    await expect(owner.getByRole('alert').filter({ hasText: 'This image is private' })).toBeVisible();
    await owner.getByRole('button', { name: 'Make shared and add' }).click();
    await expect(owner.getByRole('radio', { name: /^Shared/ })).toBeChecked();
    await expect(memberRow(owner, beta).locator('.member-status')).toHaveText('Pending');
    await expect(memberRow(owner, gamma).locator('.member-status')).toHaveText('Pending');
    await expect(memberRow(owner, beta)).toContainText('beta');
    await expect(owner.locator('.add-results__item--ok')).toHaveCount(2);
    await expect(owner.getByLabel(/Project IDs/)).toHaveValue('');
    expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('shared');
    expect(await glanceMembers(id)).toEqual({ [beta]: 'pending', [gamma]: 'pending' });

    // bob (beta) sees the invitation badge and accepts from the Invitations tab.
    const bob = await browser.newPage();
    await loginAs(bob, 'bob');
    await bob.getByRole('link', { name: /^\d+ to answer$/ }).click();
    await expect(bob.getByRole('link', { name: 'Invitations', exact: true })).toHaveAttribute('aria-current', 'page');
    const row = bob.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(bob.getByRole('row').filter({ hasText: name })).toHaveCount(0);
    expect((await glanceMembers(id))[beta]).toBe('accepted');
    await bob.getByRole('link', { name: 'Shared with me' }).click();
    expect(await imageNames(bob)).toContain(name);

    // carol (gamma) opens the image and rejects it, after confirming.
    const carol = await browser.newPage();
    await loginAs(carol, 'carol', { start: `/images/${id}` });
    await expect(carol.locator('.consumer-status .member-status')).toHaveText('Pending');
    await expect(carol.getByRole('radio')).toHaveCount(0); // owner controls are not offered
    await expect(carol.getByLabel(/Project IDs/)).toHaveCount(0);
    await carol.getByRole('button', { name: 'Reject' }).click();
    await carol.getByRole('alertdialog').getByRole('button', { name: 'Reject' }).click();
    await expect(carol.locator('.consumer-status .member-status')).toHaveText('Rejected');
    expect((await glanceMembers(id))[gamma]).toBe('rejected');

    // The owner's view is refreshed from Glance: accepted and rejected; gamma is pruned.
    await owner.getByRole('button', { name: 'Refresh' }).click();
    await expect(memberRow(owner, beta).locator('.member-status')).toHaveText('Accepted');
    await expect(memberRow(owner, gamma).locator('.member-status')).toHaveText('Rejected');
    await owner.getByRole('button', { name: 'Rejected (1)' }).click();
    await expect(owner.locator('tr.member-row')).toHaveCount(1);
    await memberRow(owner, gamma).getByRole('button', { name: /^Remove/ }).click();
    const confirm = owner.getByRole('alertdialog');
    await expect(confirm).toContainText(gamma);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(memberRow(owner, gamma)).toHaveCount(0);
    // The "Rejected" filter has no row left: said, not a bare table head.
    await expect(owner.locator('.member-list').getByRole('status').filter({ hasText: 'No member matches the filters.' })).toBeVisible();
    await expect(owner.getByTestId('member-count')).toHaveText('1');
    expect(await glanceMembers(id)).toEqual({ [beta]: 'accepted' });

    // bob sets it back to pending on the detail page: it leaves "Shared with me".
    await bob.goto(`/images/${id}`);
    await bob.getByRole('button', { name: 'Back to pending' }).click();
    await expect(bob.locator('.consumer-status .member-status')).toHaveText('Pending');
    expect((await glanceMembers(id))[beta]).toBe('pending');
    await bob.goto('/images?view=shared');
    expect(await imageNames(bob)).not.toContain(name);
  } finally {
    await deleteImage(id);
  }
});

test("another owner's project name is asked about before Glance stores it as a member", async ({ page }) => {
  // alice is not in beta, so she cannot look its id up: "beta" would be stored as the member
  // id itself, an invitation no project ever sees.
  const name = `e2e-doubt-${Date.now()}`;
  const id = await privateImage(name);
  try {
    const token = await tokenFor('alice');
    expect((await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: 'shared' }], 'application/openstack-images-v2.1-json-patch')).status).toBe(200);
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/members')) posts.push(r.postDataJSON().member); });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const box = page.getByLabel(/Project IDs/);
    const add = page.getByRole('button', { name: 'Add members', exact: true });
    await box.fill(`beta\n${gamma}`);
    await add.click();
    const question = page.getByRole('alert').filter({ hasText: 'Not the name of one of your projects' });
    await expect(question).toContainText('32 hexadecimal characters): beta.');
    await expect(question).not.toContainText(gamma);
    // Cancel: nothing sent, the text stays to be corrected.
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toHaveCount(0);
    await expect(box).toHaveValue(`beta\n${gamma}`);
    expect(posts).toEqual([]);
    expect(await glanceMembers(id)).toEqual({});
    // Asked again; "Add anyway" sends both, as typed.
    await add.click();
    await question.getByRole('button', { name: 'Add anyway' }).click();
    await expect(page.locator('.add-results')).toContainText('beta: added (pending)');
    await expect(page.locator('.add-results')).toContainText(`${gamma}: added (pending)`);
    expect(posts.sort()).toEqual(['beta', gamma].sort());
    expect(await glanceMembers(id)).toEqual({ beta: 'pending', [gamma]: 'pending' });
    // An id of Keystone's shape is not asked about.
    const other = unusedProjectId();
    await box.fill(other);
    await add.click();
    await expect(page.locator('.add-results')).toContainText(`${other}: added (pending)`);
    await expect(question).toHaveCount(0);
  } finally {
    await deleteImage(id);
  }
});

test('bad input gets a clear message per entry and failed ids stay in the box', async ({ page }) => {
  const name = `e2e-bad-${Date.now()}`;
  const id = await privateImage(name);
  try {
    const token = await tokenFor('alice');
    expect((await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: 'shared' }], 'application/openstack-images-v2.1-json-patch')).status).toBe(200);
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const box = page.getByLabel(/Project IDs/);
    const add = page.getByRole('button', { name: 'Add members', exact: true });

    // Empty.
    await box.fill('  \n , ');
    await add.click();
    await expect(page.getByText('Enter at least one project ID or name.')).toBeVisible();

    // Gamma is added behind the app's back, so Glance itself answers 409 for it.
    expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
    // The image's own project, a malformed entry, a duplicate, a real 409, and five valid ids
    // of which Glance's member quota (6 on the test stack) takes only five with gamma.
    const extra = [1, 2, 3, 4, 5, 6].map(unusedProjectId);
    await box.fill([alpha, 'no/such', beta, beta, gamma, ...extra].join('\n'));
    await add.click();
    const results = page.locator('.add-results');
    await expect(results).toContainText(`${alpha}: this is the image's own project`);
    await expect(results).toContainText('no/such: not a valid project ID');
    await expect(results).toContainText(`${beta}: listed twice`);
    await expect(results).toContainText(`${gamma}: already a member`);
    await expect(results).toContainText('(413)');
    // What Glance holds: gamma plus what the quota allowed (parallel adds may race past it
    // by a few, as Glance counts before inserting).
    const held = await glanceMembers(id);
    expect(Object.keys(held).length).toBeGreaterThanOrEqual(6);
    const left = (await box.inputValue()).split('\n').filter(Boolean);
    for (const p of [beta, ...extra]) {
      if (p in held) {
        await expect(results).toContainText(`${p}: added (pending)`);
        expect(left).not.toContain(p);
      } else {
        // Refused by Glance: reported, and kept in the box to retry.
        expect(left).toContain(p);
      }
    }
    expect(left.filter((p) => !(p in held)).length).toBeGreaterThan(0);
    expect(left).toContain('no/such');
    expect(left).not.toContain(gamma);
    expect(left).not.toContain(alpha);
  } finally {
    await deleteImage(id);
  }
});

test('arrow keys on the visibility radios save nothing until Enter or moving on, and keep the focus', async ({ page }) => {
  const name = `e2e-vis-keys-${Date.now()}`;
  const id = await privateImage(name);
  try {
    const sent = [];
    page.on('request', (r) => { if (r.method() === 'PATCH' && r.url().endsWith(`/v2/images/${id}`)) sent.push(r.postDataJSON()[0].value); });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const radio = (label) => page.getByRole('radio', { name: new RegExp(`^${label}`) });
    const visibility = async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility;
    await radio('Private').focus();
    // Private → Shared → Community, resting on each as a screen reader user listening to its
    // explanation would: nothing is saved (Community would show the image to every project).
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(800);
    await page.keyboard.press('ArrowDown');
    await expect(radio('Community')).toBeChecked();
    const hint = page.getByRole('status').filter({ hasText: 'Not saved yet: press Enter to save this visibility' });
    await expect(hint).toBeVisible();
    await page.waitForTimeout(1200);
    expect(sent).toEqual([]);
    expect(await visibility()).toBe('private');
    // Back to Shared, then Enter saves it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(visibility).toBe('shared');
    await expect(page.getByRole('status').filter({ hasText: 'Saving' })).toHaveCount(0);
    await expect(hint).toHaveCount(0);
    expect(sent).toEqual(['shared']);
    await expect(radio('Shared')).toBeFocused();
    // A choice made while a save runs waits for its Enter, then is sent after the save.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent.length).toBe(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(visibility).toBe('shared');
    await expect(radio('Shared')).toBeChecked();
    await expect(radio('Shared')).toBeFocused();
    expect(sent).toEqual(['shared', 'private', 'shared']);
    // A choice still resting when the user leaves the page is sent as the focus leaves.
    await page.keyboard.press('ArrowUp');
    await page.getByRole('link', { name: /Back to images/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
    await expect.poll(async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('private');
    expect(sent).toEqual(['shared', 'private', 'shared', 'private']);
    // Leaving by the browser's history (the focus never leaves the radios): the resting choice
    // is sent all the same, and the catalog says how it went.
    await page.goBack();
    await radio('Private').focus();
    await page.keyboard.press('ArrowDown');
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
    await expect.poll(async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('shared');
    expect(sent).toEqual(['shared', 'private', 'shared', 'private', 'shared']);
    // (The first leave may have posted its own "Private" notice: the catalog replaces the page
    // at once, often before Glance's answer.)
    await expect(page.getByTestId('notice').filter({ hasText: `${name}: Visibility: Shared` })).toHaveCount(1);
  } finally {
    await deleteImage(id);
  }
});

test('a policy refusal is explained in plain words: a member may not publish', async ({ page }) => {
  const name = `e2e-public-${Date.now()}`;
  const id = await privateImage(name);
  try {
    await loginAs(page, 'alice', { start: `/images/${id}` });
    // click, not check: the app puts the radio back as soon as Glance refuses.
    await page.getByRole('radio', { name: /^Public/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '(403)' });
    await expect(alert).toContainText('Your role in this project does not allow this action.');
    await expect(alert).toContainText('Request ID');
    expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.visibility).toBe('private');
    await expect(page.getByRole('radio', { name: /^Private/ })).toBeChecked();
  } finally {
    await deleteImage(id);
  }
});

test('"Accept all" leaves out an invitation whose own Accept is still on its way', async ({ page }) => {
  const stamp = Date.now();
  const names = [`e2e-inflight-a-${stamp}`, `e2e-inflight-b-${stamp}`];
  const ids = [await privateImage(names[0]), await privateImage(names[1])];
  const token = await tokenFor('alice');
  try {
    for (const id of ids) {
      await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: 'shared' }], 'application/openstack-images-v2.1-json-patch');
      expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
    }
    // The first image's own Accept is held on its way to Glance.
    const sent = { [ids[0]]: 0, [ids[1]]: 0 };
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/\/v2\/images\/[^/]+\/members\/[^/]+$/, async (route) => {
      const id = ids.find((i) => route.request().url().includes(`/images/${i}/`));
      if (route.request().method() !== 'PUT' || !id) return route.continue();
      sent[id] += 1;
      if (id === ids[0] && sent[id] === 1) await held;
      return route.continue();
    });
    await loginAs(page, 'carol', { start: '/images?view=invitations' });
    const rowA = page.getByRole('row').filter({ hasText: names[0] });
    await rowA.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => sent[ids[0]]).toBe(1);
    // Meanwhile the row's buttons wait, and "Accept all" does not count that image.
    await page.getByRole('button', { name: /^Accept all/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Accept all' }).click();
    await expect(page.locator('.accept-all .add-results__item--ok').filter({ hasText: names[1] })).toBeVisible();
    await expect(page.locator('.accept-all .add-results__item').filter({ hasText: names[0] })).toHaveCount(0);
    release();
    await expect.poll(async () => (await glanceMembers(ids[0]))[gamma]).toBe('accepted');
    expect((await glanceMembers(ids[1]))[gamma]).toBe('accepted');
    expect(sent).toEqual({ [ids[0]]: 1, [ids[1]]: 1 });
  } finally {
    for (const id of ids) await deleteImage(id);
  }
});

test('accept all, bulk remove, and a refused removal that comes back with Glance\'s message', async ({ browser }) => {
  const stamp = Date.now();
  const ids = [await privateImage(`e2e-all-a-${stamp}`), await privateImage(`e2e-all-b-${stamp}`)];
  const token = await tokenFor('alice');
  try {
    for (const id of ids) {
      await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: 'shared' }], 'application/openstack-images-v2.1-json-patch');
      for (const p of [beta, gamma, 'p-extra']) expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: p })).status).toBe(200);
    }
    // carol (gamma) accepts every invitation on the page at once.
    const carol = await browser.newPage();
    await loginAs(carol, 'carol', { start: '/images?view=invitations' });
    await expect(carol.locator('.image-row__name a').filter({ hasText: `e2e-all-a-${stamp}` })).toBeVisible();
    await expect(carol.locator('.image-row__name a').filter({ hasText: `e2e-all-b-${stamp}` })).toBeVisible();
    await carol.getByRole('button', { name: /^Accept all/ }).click();
    await carol.getByRole('alertdialog').getByRole('button', { name: 'Accept all' }).click();
    // One result per image stays on screen; the invitations leave the list.
    await expect(carol.locator('.accept-all .add-results__item--ok').filter({ hasText: `e2e-all-a-${stamp}` })).toBeVisible();
    await expect(carol.locator('.accept-all .add-results__item--ok').filter({ hasText: `e2e-all-b-${stamp}` })).toBeVisible();
    await expect(carol.locator('.image-row__name a').filter({ hasText: `e2e-all-` })).toHaveCount(0);
    for (const id of ids) expect((await glanceMembers(id))[gamma]).toBe('accepted');

    // alice removes two members of the first image at once.
    const owner = await browser.newPage();
    await loginAs(owner, 'alice', { start: `/images/${ids[0]}` });
    await memberRow(owner, gamma).getByRole('checkbox').check();
    await memberRow(owner, 'p-extra').getByRole('checkbox').check();
    await owner.getByRole('button', { name: 'Remove selected (2)' }).click();
    await expect(owner.getByRole('alertdialog')).toContainText('p-extra');
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect(owner.locator('tr.member-row')).toHaveCount(1);
    expect(Object.keys(await glanceMembers(ids[0]))).toEqual([beta]);

    // Glance refusing a removal (a fault injected: it won't fail on demand) puts the row back.
    await owner.route('**/members/**', (route) => route.request().method() === 'DELETE'
      ? route.fulfill({ status: 503, contentType: 'application/json', headers: { 'x-openstack-request-id': 'req-injected-503' }, body: JSON.stringify({ message: 'Service Unavailable<br /><br />', code: '503', title: 'Service Unavailable' }) })
      : route.continue());
    await memberRow(owner, beta).getByRole('button', { name: /^Remove/ }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect(owner.getByRole('alert').filter({ hasText: 'Service Unavailable' })).toContainText('req-injected-503');
    await expect(memberRow(owner, beta)).toHaveCount(1);
    expect(Object.keys(await glanceMembers(ids[0]))).toEqual([beta]);
  } finally {
    for (const id of ids) await deleteImage(id);
  }
});

test('making a shared image with members private asks first; its members are kept and come back', async ({ page }) => {
  const name = `e2e-vis-leave-${Date.now()}`;
  const id = await privateImage(name);
  const alice = await tokenFor('alice');
  const visibility = async () => (await glance(alice, 'GET', `/v2/images/${id}`)).json.visibility;
  try {
    await glance(alice, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: 'shared' }], 'application/openstack-images-v2.1-json-patch');
    expect((await glance(alice, 'POST', `/v2/images/${id}/members`, { member: beta })).status).toBe(200);
    const sent = [];
    page.on('request', (r) => { if (r.method() === 'PATCH' && r.url().endsWith(`/v2/images/${id}`)) sent.push(r.postDataJSON()[0].value); });
    await loginAs(page, 'alice', { start: `/images/${id}` });
    await expect(memberRow(page, beta)).toBeVisible();
    const radio = (label) => page.getByRole('radio', { name: new RegExp(`^${label}`) });

    // Cancel: nothing is sent, the radios show what Glance holds, the focus is back.
    await radio('Private').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Make this image Private? Its 1 member project will lose access to it.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(radio('Shared')).toBeChecked();
    await expect(radio('Private')).toBeFocused();
    expect(sent).toEqual([]);
    expect(await visibility()).toBe('shared');

    // Confirmed: private, and the panel says the members are kept rather than showing none.
    await radio('Private').click();
    await dialog.getByRole('button', { name: 'Change visibility' }).click();
    await expect.poll(visibility).toBe('private');
    expect(sent).toEqual(['private']);
    await expect(page.getByText('Only a shared image has members.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('member-count')).toHaveCount(0);

    // Shared again (no members listed: nothing to ask): the member is back, as Glance kept it.
    await radio('Shared').click();
    await expect(memberRow(page, beta)).toBeVisible();
    await expect(page.getByTestId('member-count')).toHaveText('1');
    expect(sent).toEqual(['private', 'shared']);
  } finally {
    await deleteImage(id);
  }
});
