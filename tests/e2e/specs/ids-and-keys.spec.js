// Issue 12, points 2 and 3: ids a browser cannot put in a URL, and property keys that need
// escaping in a JSON pointer. Checked against what Glance really holds.
const { execFileSync } = require('child_process');
const { test, expect } = require('../lib/fixtures');
const { seed, GLANCE, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

const { beta } = seed.projects;
const memberRow = (page, memberId) => page.locator(`tr.member-row[data-member-id="${memberId}"]`);

/** Member ids as Glance holds them, asked as the owner. */
async function glanceMemberIds(id) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`);
  expect(r.status).toBe(200);
  return r.json.members.map((m) => m.member_id).sort();
}

/** Every request to Glance that changes something (not GET/HEAD/OPTIONS). */
function watchWrites(page) {
  const writes = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/image/') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method())) writes.push(`${r.method()} ${path}`);
  });
  return writes;
}

test('members "." and ".." get a note with a working command, never a request to the wrong URL', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-dots-${Date.now()}`, null, { visibility: 'shared' });
  try {
    // Such members can only be made outside a browser (here: straight at Glance).
    for (const member of ['..', '.', beta]) {
      expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member })).status).toBe(200);
    }
    const writes = watchWrites(page);
    await loginAs(page, 'alice', { start: `/images/${id}` });

    for (const [member, encoded] of [['..', '%2E%2E'], ['.', '%2E']]) {
      const row = memberRow(page, member);
      await expect(row.locator('code').first()).toHaveText(member);
      const note = row.getByRole('note');
      await expect(note).toContainText('A browser cannot address this member');
      await expect(note.locator('.member-row__command')).toHaveText(
        `curl --path-as-is -X DELETE -H "X-Auth-Token: $(openstack token issue -f value -c id)" "$GLANCE_URL/v2/images/${id}/members/${encoded}"`,
      );
      // No action that would send a request for it: no Remove, no checkbox for "Remove selected".
      await expect(row.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
      await expect(row.getByRole('checkbox')).toHaveCount(0);
    }
    // An ordinary member keeps its actions, and removing it reaches exactly its URL.
    await memberRow(page, beta).getByRole('button', { name: /^Remove/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect(memberRow(page, beta)).toHaveCount(0);
    expect(await glanceMemberIds(id)).toEqual(['.', '..']);

    // The add box refuses dot segments, typed or percent-encoded, and sends nothing.
    const box = page.getByLabel(/Project IDs/);
    await box.fill('..\n.\n%2E%2E\n%2e');
    await page.getByRole('button', { name: 'Add members', exact: true }).click();
    const refused = page.locator('.add-results__item--error');
    await expect(refused).toHaveCount(4);
    for (const line of await refused.all()) {
      await expect(line).toContainText('cannot be used in a web address');
    }
    await expect(box).toHaveValue('..\n.\n%2E%2E\n%2e');
    expect(await glanceMemberIds(id)).toEqual(['.', '..']);

    // Only the removal of beta was sent: nothing to the image's own URL, no add.
    expect(writes).toEqual([`DELETE /image/v2/images/${id}/members/${beta}`]);
    expect((await glance(token, 'GET', `/v2/images/${id}`)).status).toBe(200);

    // The note reads in Chinese too.
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(memberRow(page, '..').getByRole('note')).toContainText('浏览器无法访问此成员');

    // The command shown does what it says (its token part given as a header here).
    const command = await memberRow(page, '..').locator('.member-row__command').textContent();
    const url = command.match(/"\$GLANCE_URL([^"]+)"/)[1];
    const status = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--path-as-is', '-X', 'DELETE',
      '-H', `X-Auth-Token: ${token}`, `${GLANCE}${url}`]).toString();
    expect(status).toBe('204');
    expect(await glanceMemberIds(id)).toEqual(['.']);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

test('a member "../../<image id>" gets a note and no action: no request can reach that image', async ({ page }) => {
  const token = await tokenFor('alice');
  const stamp = Date.now();
  const id = await createImage(token, `e2e-slash-${stamp}`, null, { visibility: 'shared' });
  const other = await createImage(token, `e2e-slash-target-${stamp}`);
  try {
    // Only Glance's API makes such a member. Through the site's proxy (which decodes "%2F"),
    // a Remove of it was a DELETE of the other image.
    const hostile = `../../${other}`;
    for (const member of [hostile, beta]) {
      expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member })).status).toBe(200);
    }
    const writes = watchWrites(page);
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const row = memberRow(page, hostile);
    await expect(row.locator('code').first()).toHaveText(hostile);
    await expect(row.getByRole('note')).toContainText('This member’s ID contains “/”');
    await expect(row.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    await expect(row.getByRole('checkbox')).toHaveCount(0);
    await expect(row.locator('.member-row__command')).toHaveCount(0);
    // "Remove selected" with every box ticked takes the ordinary member only.
    await memberRow(page, beta).getByRole('checkbox').check();
    await page.getByRole('button', { name: /^Remove selected/ }).click();
    await expect(page.getByRole('alertdialog')).not.toContainText(hostile);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect(memberRow(page, beta)).toHaveCount(0);
    expect(writes).toEqual([`DELETE /image/v2/images/${id}/members/${beta}`]);
    expect(await glanceMemberIds(id)).toEqual([hostile]);
    expect((await glance(token, 'GET', `/v2/images/${other}`)).status).toBe(200);
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('zh-CN');
    await expect(row.getByRole('note')).toContainText('此成员的 ID 含有“/”');
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
    await glance(token, 'DELETE', `/v2/images/${other}`);
  }
});

test('property keys with "/" and "~" are saved as themselves (escaped JSON pointers)', async ({ page }) => {
  const token = await tokenFor('alice');
  const name = `e2e-keys-${Date.now()}`;
  const id = await createImage(token, name, null, { 'pre/set': 'old', 'keep~me': 'k' });
  try {
    await loginAs(page, 'alice', { start: `/images/${id}` });
    const form = page.locator('form.edit-image');
    const add = async (key, value) => {
      await form.getByLabel('Property', { exact: true }).fill(key);
      await form.getByLabel('New value').fill(value);
      await form.getByRole('button', { name: 'Add property' }).click();
    };
    await add('a/b', 'slash');
    await add('x~y', 'tilde');
    await add('~1/~0', 'both');
    await form.getByLabel('Value pre/set').fill('new');
    await form.getByLabel('Value pre/set').press('Tab');
    await form.getByRole('button', { name: 'Remove property keep~me' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');

    const held = (await glance(token, 'GET', `/v2/images/${id}`)).json;
    expect(held['a/b']).toBe('slash');
    expect(held['x~y']).toBe('tilde');
    expect(held['~1/~0']).toBe('both');
    expect(held['pre/set']).toBe('new');
    expect(held).not.toHaveProperty('keep~me');
    // Nothing was split into a nested path or mangled: no stray keys.
    expect(Object.keys(held).filter((k) => /[/~]|^a$|^x$/.test(k)).sort()).toEqual(['a/b', 'pre/set', 'x~y', '~1/~0']);

    // The page shows exactly these keys once re-read from Glance.
    await page.reload();
    const shown = page.locator('table.properties').first();
    for (const [k, v] of [['a/b', 'slash'], ['x~y', 'tilde'], ['~1/~0', 'both'], ['pre/set', 'new']]) {
      await expect(shown.getByRole('row', { name: k, exact: false }).filter({ has: page.getByRole('rowheader', { name: k, exact: true }) })).toContainText(v);
    }
    await expect(shown.getByRole('rowheader', { name: 'keep~me', exact: true })).toHaveCount(0);
  } finally {
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});
