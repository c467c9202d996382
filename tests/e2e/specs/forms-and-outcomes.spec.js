// What a form does with what the user typed (numbers as typed, a tag or property not yet
// added, Enter where it belongs), what an action says when it ends (on the page, and in the
// notice area when the page was left meanwhile), and where the keyboard focus goes.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');

const { beta } = seed.projects;
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) {
    await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], 'application/openstack-images-v2.1-json-patch');
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
});

async function aliceImage(prefix, fields = {}) {
  const name = `${prefix}-${Date.now()}`;
  const id = await createImage(await tokenFor('alice'), name, null, fields);
  created.push(id);
  return { id, name };
}

/** An active image of alice's (with a little data), deleted after the tests. */
async function createImageWithData(prefix) {
  const name = `${prefix}-${Date.now()}`;
  const id = await createImage(await tokenFor('alice'), name, Buffer.alloc(1024, 5));
  created.push(id);
  return { id, name };
}

const held = async (id) => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;

test('edit: "-2" in Minimum disk is refused in words, not saved as 2; what was typed but not added is saved', async ({ page }) => {
  const errors = watchErrors(page);
  const { id } = await aliceImage('e2e-form-numbers');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const disk = page.getByLabel('Minimum disk (GB)');
  await disk.fill('-2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a whole number from 0 to 2147483647.')).toBeVisible();
  await expect(disk).toHaveAttribute('aria-invalid', 'true');
  await expect(disk).toHaveAccessibleDescription('Enter a whole number from 0 to 2147483647.');
  await expect(disk).toBeFocused();
  // The field keeps what was typed.
  await expect(disk).toHaveValue('-2');
  expect((await held(id)).min_disk).toBe(0);

  // A number, a tag and a property typed without their Add buttons: Save saves them all.
  await disk.fill('7');
  await expect(page.getByText('Enter a whole number from 0 to 2147483647.')).toHaveCount(0);
  await page.getByLabel('Add tag').first().fill('typed-tag');
  await page.getByLabel('Property', { exact: true }).fill('typed_key');
  await page.getByLabel('New value').fill('typed value');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const image = await held(id);
  expect(image.min_disk).toBe(7);
  expect(image.tags).toEqual(['typed-tag']);
  expect(image.typed_key).toBe('typed value');
  await expect(disk).toHaveValue('7');

  // Too large for Glance (its limit is 2147483647): refused here in the same words, and the
  // earlier "Saved." does not stay beside the refusal.
  await disk.fill('99999999999999999999999');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a whole number from 0 to 2147483647.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
  await disk.fill('2147483647');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await held(id)).min_disk).toBe(2147483647);
  // No alert stays in the page once nothing is wrong.
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('edit: Enter in the new property fields adds the property without saving the form', async ({ page }) => {
  const { id } = await aliceImage('e2e-form-enter');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByLabel('Property', { exact: true }).fill('enter_key');
  await page.getByLabel('New value').fill('v1');
  await page.getByLabel('New value').press('Enter');
  const form = page.locator('form.edit-image');
  await expect(form.getByRole('rowheader', { name: 'enter_key' })).toBeVisible();
  await expect(form.getByLabel('Value enter_key')).toHaveValue('v1');
  await expect(page.getByLabel('Property', { exact: true })).toHaveValue('');
  // Not saved: Glance does not have it, and no save outcome was said.
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
  expect((await held(id)).enter_key).toBeUndefined();
  // A reserved name is refused where it was typed, and the focus stays there.
  await page.getByLabel('Property', { exact: true }).fill('status');
  await page.getByLabel('Property', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('status is Glance\'s own field: it cannot be set as a custom property.');
  await expect(page.getByLabel('Property', { exact: true })).toBeFocused();
  // A name that is a row already says so, and where its value is changed.
  await page.getByLabel('Property', { exact: true }).fill('enter_key');
  await page.getByLabel('Property', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('enter_key is already a property here: change its value in its row.');
  // A value without a name asks for the name.
  await page.getByLabel('Property', { exact: true }).fill('');
  await page.getByLabel('New value').fill('v2');
  await page.getByRole('button', { name: 'Add property' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type the property\'s name first.');
  await expect(page.getByLabel('Property', { exact: true })).toBeFocused();
  await expect(page.getByLabel('New value')).toHaveValue('v2');
});

test('create: a Minimum RAM that is not a whole number stops the create with the field named', async ({ page }) => {
  const name = `e2e-form-create-${Date.now()}`;
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/v2/images')) posts.push(r.url()); });
  await loginAs(page, 'alice', { start: '/images/new' });
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Minimum RAM (MB)').fill('1.5');
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert')).toContainText('Minimum RAM (MB): Enter a whole number from 0 to 2147483647.');
  await expect(page.getByLabel('Minimum RAM (MB)')).toHaveValue('1.5');
  expect(posts).toEqual([]);
  const listed = await glance(await tokenFor('alice'), 'GET', `/v2/images?name=${encodeURIComponent(name)}`);
  expect(listed.json.images).toEqual([]);
});

test('create: custom properties are key/value rows; a name Glance reserves is refused in its row and nothing is created', async ({ page }) => {
  const name = `e2e-form-create-props-${Date.now()}`;
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/v2/images')) posts.push(r.url()); });
  await loginAs(page, 'alice', { start: '/images/new' });
  await page.getByLabel('Name', { exact: true }).fill(name);
  // Enter in the add row adds the row; it does not send the form.
  await page.getByLabel('Property', { exact: true }).fill('os_distro');
  await page.getByLabel('New value').fill('cirros');
  await page.getByLabel('New value').press('Enter');
  await expect(page.getByRole('table', { name: 'Custom properties' }).getByRole('row')).toHaveCount(1);
  await expect(page.getByLabel('Value os_distro')).toHaveValue('cirros');
  await expect(page.getByLabel('Property', { exact: true })).toHaveValue('');
  // A second row, then removed again.
  await page.getByLabel('Property', { exact: true }).fill('hw_disk_bus');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('button', { name: 'Remove property hw_disk_bus' }).click();
  await expect(page.getByLabel('Value hw_disk_bus')).toHaveCount(0);
  // Its button, which had the focus, went with it: the focus goes to the row left's button,
  // then, with no row left, to the add row (never to the page body).
  await expect(page.getByRole('button', { name: 'Remove property os_distro' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Custom properties' }).getByRole('row')).toHaveCount(0);
  await expect(page.getByLabel('Property', { exact: true })).toBeFocused();
  await page.getByLabel('Property', { exact: true }).fill('os_distro');
  await page.getByLabel('New value').fill('cirros');
  await page.getByLabel('New value').press('Enter');
  // "owner" is Glance's: typed and not added, it stops the create, said in its row.
  await page.getByLabel('Property', { exact: true }).fill('owner');
  await page.getByLabel('New value').fill('someone');
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert')).toHaveText('owner is Glance\'s own field: it cannot be set as a custom property.');
  await expect(page.getByLabel('Property', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Property', { exact: true })).toHaveValue('owner');
  expect(posts).toEqual([]);
  // Typing a new name takes the refusal away.
  await page.getByLabel('Property', { exact: true }).fill('os_version');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const listed = await glance(await tokenFor('alice'), 'GET', `/v2/images?name=${encodeURIComponent(name)}`);
  expect(listed.json.images).toEqual([]);
});

test('Protect and Unprotect say what the image now holds, in a status that stays in the page', async ({ page }) => {
  const { id } = await aliceImage('e2e-form-protect');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Protect' }).click();
  const status = actions.getByRole('status');
  await expect(status).toHaveText('Protected: Yes');
  expect((await held(id)).protected).toBe(true);
  await actions.getByRole('button', { name: 'Unprotect' }).click();
  await expect(status).toHaveText('Protected: No');
  expect((await held(id)).protected).toBe(false);
  await actions.getByRole('button', { name: 'Hide from lists' }).click();
  await expect(status).toHaveText('Hidden: Yes');
  await expect(actions.getByRole('status')).toHaveCount(1);
});

test('a double click on Protect, Hide or Deactivate does it once, even when Glance answers before the second click', async ({ page }) => {
  const { id } = await createImageWithData('e2e-form-dblclick');
  const patches = [];
  page.on('request', (r) => { if (r.method() === 'PATCH' || (r.method() === 'POST' && /actions\/(de|re)activate$/.test(r.url()))) patches.push(r.url()); });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const actions = page.getByRole('region', { name: 'Actions' });
  const status = actions.getByRole('status');
  /** A double click as a hand makes it: the second click (detail 2) 150 ms after the first. */
  async function doubleClick(name) {
    const button = actions.getByRole('button', { name, exact: true });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down({ clickCount: 1 });
    await page.mouse.up({ clickCount: 1 });
    await page.waitForTimeout(150);
    await page.mouse.down({ clickCount: 2 });
    await page.mouse.up({ clickCount: 2 });
  }
  await doubleClick('Protect');
  await expect(status).toHaveText('Protected: Yes');
  await doubleClick('Hide from lists');
  await expect(status).toHaveText('Hidden: Yes');
  await doubleClick('Deactivate');
  await expect(actions.getByRole('button', { name: 'Reactivate' })).toBeVisible();
  await page.waitForTimeout(500);
  const img = await held(id);
  expect({ protected: img.protected, hidden: img.os_hidden, status: img.status }).toEqual({ protected: true, hidden: true, status: 'deactivated' });
  expect(patches).toHaveLength(3);
});

test('an action that ends after its page was left says how it ended in the notice area', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-form-left');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  // Glance's answer to the Protect is held back until the user has left (a slow network).
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(`**/image/v2/images/${id}`, async (route) => {
    if (route.request().method() === 'PATCH') await gate;
    await route.continue();
  });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Protect' }).click();
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  await expect(page).toHaveURL(/\/images(\?|$)/);
  release();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(`${name}: Protected: Yes`);
  expect((await held(id)).protected).toBe(true);

  // A refusal after leaving says so too, with Glance's words (injected: a 403 on demand).
  await page.goto(`/images/${id}`);
  await page.unroute(`**/image/v2/images/${id}`);
  let release2;
  const gate2 = new Promise((r) => { release2 = r; });
  await page.route(`**/image/v2/images/${id}`, async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    await gate2;
    await route.fulfill({ status: 403, contentType: 'text/plain', headers: { 'x-openstack-request-id': 'req-e2e-left' }, body: 'Not allowed to hide this image' });
  });
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Hide from lists' }).click();
  await page.getByRole('link', { name: 'Back to images' }).first().click();
  await expect(page).toHaveURL(/\/images(\?|$)/);
  release2();
  const refused = page.getByTestId('notice').filter({ hasText: `${name} (Hide from lists)` });
  await expect(refused).toContainText('Not allowed to hide this image');
  await expect(refused).toContainText('req-e2e-left');
  expect((await held(id)).os_hidden).toBe(false);
});

test('"Share with projects…": Enter in the box shares', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-form-share-enter', { visibility: 'shared' });
  await loginAs(page, 'alice');
  await page.getByLabel(`Select ${name}`).check();
  await page.getByRole('button', { name: 'Share with projects…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
  await dialog.getByLabel(/Project IDs/).fill(beta);
  await dialog.getByLabel(/Project IDs/).press('Enter');
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('added');
  const members = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`)).json.members;
  expect(members.map((m) => [m.member_id, m.status])).toEqual([[beta, 'pending']]);
});

test('login with empty fields: the focus goes to the first one, which names its message', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in' }).click();
  const user = page.getByLabel('User name');
  await expect(user).toBeFocused();
  await expect(user).toHaveAccessibleDescription('Please fill in this field.');
  await user.fill('alice');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
});

test('edit: what was typed and not saved comes back after leaving the page, until saved or discarded', async ({ page }) => {
  const errors = watchErrors(page);
  const { id, name } = await aliceImage('e2e-form-draft');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const nameField = page.getByLabel('Name', { exact: true });
  await nameField.fill(`${name}-typed`);
  await page.getByLabel('Minimum RAM (MB)').fill('512');
  await page.getByLabel('Add tag').first().fill('draft-tag');
  await page.getByRole('button', { name: 'Add tag' }).click();
  // The tag shows at once, like an applied one: the form says it is not saved yet.
  const unsaved = page.getByRole('status').filter({ hasText: 'Not saved yet: Save applies your changes.' });
  await expect(unsaved).toBeVisible();
  await page.getByLabel('Add tag').first().fill('not-added-yet');

  // Away to the catalog and back (no reload): the typing is back, with a note saying so.
  await page.getByRole('link', { name: /Back to images/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toBeVisible();
  await expect(nameField).toHaveValue(`${name}-typed`);
  await expect(page.getByLabel('Minimum RAM (MB)')).toHaveValue('512');
  await expect(page.getByRole('button', { name: 'Remove tag draft-tag' })).toBeVisible();
  await expect(page.getByLabel('Add tag').first()).toHaveValue('not-added-yet');
  // Nothing reached Glance yet.
  expect((await held(id)).name).toBe(name);
  await expect(unsaved).toBeVisible();

  // Saved: Glance holds it all, the note goes.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toHaveCount(0);
  await expect(unsaved).toHaveCount(0);
  const saved = await held(id);
  expect(saved.name).toBe(`${name}-typed`);
  expect(saved.min_ram).toBe(512);
  expect(saved.tags.sort()).toEqual(['draft-tag', 'not-added-yet']);
  // A removed tag's button goes with it: the focus goes to the next tag's, then to the field.
  await page.getByRole('button', { name: 'Remove tag draft-tag' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag not-added-yet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Remove tag/ })).toHaveCount(0);
  await expect(page.getByLabel('Add tag').first()).toBeFocused();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await held(id)).tags).toEqual([]);

  // Typed again, left, back, discarded: the form shows what Glance holds, and a later visit
  // brings nothing back.
  await nameField.fill('to be discarded');
  await page.getByRole('link', { name: /Back to images/ }).click();
  await page.goBack();
  await expect(nameField).toHaveValue('to be discarded');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(nameField).toHaveValue(`${name}-typed`);
  // The button went with its note: the focus is on the form's first field.
  await expect(nameField).toBeFocused();
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toHaveCount(0);
  await page.getByRole('link', { name: /Back to images/ }).click();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `${name}-typed` })).toBeVisible();
  await expect(nameField).toHaveValue(`${name}-typed`);
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toHaveCount(0);
  expect((await held(id)).name).toBe(`${name}-typed`);
  expect(errors).toEqual([]);
});

test('edit: another user logging in on the tab does not get the previous user\'s unsaved typing', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-form-draft-user');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByLabel('Name', { exact: true }).fill('alice was typing');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  // dave is in alpha too: the form is there for him, with Glance's values.
  await loginAs(page, 'dave', { project: 'alpha', start: `/images/${id}` });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toHaveCount(0);
});

test('edit: Add tag says why it added nothing (a tag the image has, nothing typed) and keeps the typing', async ({ page }) => {
  const errors = watchErrors(page);
  const { id } = await aliceImage('e2e-form-tag-twice');
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const field = page.getByLabel('Add tag').first();
  await field.fill('twice');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag twice' })).toHaveCount(1);
  await expect(field).toHaveValue('');

  await field.fill('twice');
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The image has this tag already.' })).toBeVisible();
  await expect(field).toHaveAccessibleDescription('The image has this tag already.');
  await expect(field).toHaveValue('twice');
  await expect(page.getByRole('button', { name: 'Remove tag twice' })).toHaveCount(1);
  // Typing takes the note away; the form's one status is then Save's.
  await field.fill('');
  await expect(page.getByText('The image has this tag already.')).toHaveCount(0);
  await expect(page.locator('form.edit-image').getByRole('status')).toHaveCount(1);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Type the tag to add first.' })).toBeVisible();

  // Saved with the same tag typed again: Glance holds it once, and nothing is said about it.
  await field.fill('twice');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('form.edit-image').getByRole('status')).toHaveText('Saved.');
  expect((await held(id)).tags).toEqual(['twice']);
  await expect(page.getByText('The image has this tag already.')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('edit: "Saved." goes as soon as the form holds something not saved (a tag added or removed, a name typed), "Not saved yet" says so, and "Saved." comes back with the next Save', async ({ page }) => {
  const errors = watchErrors(page);
  const { id } = await aliceImage('e2e-form-saved-stale', { tags: ['kept'] });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const form = page.locator('form.edit-image');
  const outcome = form.locator('.edit-image__status');
  await page.getByLabel('Name', { exact: true }).fill(`renamed-${Date.now()}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(outcome).toHaveText('Saved.');

  await page.getByLabel('Add tag').first().fill('staged');
  await expect(outcome).toHaveText('');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag staged' })).toBeVisible();
  // Shown at once, held by the form only: it says so until Save.
  await expect(outcome).toHaveText('Not saved yet: Save applies your changes.');
  expect((await held(id)).tags).toEqual(['kept']);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(outcome).toHaveText('Saved.');
  expect((await held(id)).tags.sort()).toEqual(['kept', 'staged']);

  await page.getByRole('button', { name: 'Remove tag kept' }).click();
  await expect(outcome).toHaveText('Not saved yet: Save applies your changes.');
  expect((await held(id)).tags.sort()).toEqual(['kept', 'staged']);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(outcome).toHaveText('Saved.');
  expect((await held(id)).tags).toEqual(['staged']);
  expect(errors).toEqual([]);
});

test('edit: a save still on its way when the page is left keeps the typing if it fails, and drops it if it succeeds', async ({ page }) => {
  const { id, name } = await aliceImage('e2e-form-save-left');
  // Fault injected: the first PATCH is held 1.5 s, then refused with a 500 (a proxy's).
  let patches = 0;
  await page.route(`**/v2/images/${id}`, async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue().catch(() => {});
    patches += 1;
    await new Promise((ok) => setTimeout(ok, 1500));
    if (patches === 1) {
      await route.fulfill({ status: 500, contentType: 'text/html', body: '<html><body><h1>500 Internal Server Error</h1></body></html>' }).catch(() => {});
    } else {
      await route.continue().catch(() => {});
    }
  });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const nameField = page.getByLabel('Name', { exact: true });
  await nameField.fill(`${name}-first`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('link', { name: /Back to images/ }).click();
  await expect(page.getByTestId('notice')).toContainText('500', { timeout: 10_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toBeVisible();
  await expect(nameField).toHaveValue(`${name}-first`);
  expect((await held(id)).name).toBe(name);

  // Saved again and left at once: this time Glance takes it; coming back shows no draft.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('link', { name: /Back to images/ }).click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Saved.' })).toBeVisible({ timeout: 10_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `${name}-first` })).toBeVisible();
  await expect(page.getByText('Unsaved changes from your last visit are back in the form.')).toHaveCount(0);
  await expect(nameField).toHaveValue(`${name}-first`);
  expect((await held(id)).name).toBe(`${name}-first`);
});
