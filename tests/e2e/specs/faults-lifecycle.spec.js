// Issue 11 (fault matrix, lifecycle part): edit, protect, hide, deactivate, delete and the bulk
// actions of "My images" under each fault of lib/faults.js, injected on the one request; the
// rest runs against the real Keystone + Glance.
const { test, expect } = require('../lib/fixtures');
const { tokenFor, glance, createImage } = require('../lib/stack');
const { runMatrix } = require('../lib/faults');

const JSON_PATCH = 'application/openstack-images-v2.1-json-patch';
const held = async (id) => glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`);

async function removeImages(cell) {
  const token = await tokenFor('alice');
  for (const id of cell.ids || [cell.id]) {
    if (!id) continue;
    await glance(token, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }], JSON_PATCH);
    await glance(token, 'DELETE', `/v2/images/${id}`);
  }
}

/** One image of alice's (with 4 KiB of data when `data`), opened on its detail page. */
async function openNewImage(page, cell, { data = false, fields = {} } = {}) {
  cell.name = `e2e-fault-${cell.operation.replace(/\W+/g, '-')}-${cell.fault}-${Date.now()}`;
  cell.id = await createImage(await tokenFor('alice'), cell.name, data ? Buffer.alloc(4096, 7) : null, fields);
  await page.goto(`/images/${cell.id}`);
  await expect(page.getByRole('heading', { level: 1, name: cell.name })).toBeVisible();
}

/** A flag toggled by one button whose label says the opposite state (Protect/Unprotect…). */
function flagToggle({ name, field, on, off }) {
  return {
    name, user: 'alice', decodes: true,
    setup: (page, cell) => openNewImage(page, cell),
    matcher: (cell) => ({ method: 'PATCH', url: new RegExp(`/v2/images/${cell.id}$`) }),
    act: (page) => page.getByRole('button', { name: on, exact: true }).click(),
    async consistent(page, cell) {
      const set = (await held(cell.id)).json[field];
      await expect(page.getByRole('button', { name: set ? off : on, exact: true })).toBeVisible();
    },
    async succeeded(page, cell) {
      await expect(page.getByRole('button', { name: off, exact: true })).toBeVisible();
      expect((await held(cell.id)).json[field]).toBe(true);
    },
    cleanup: removeImages,
  };
}

/** Two of alice's images with a tag of their own, listed by that tag on "My images". */
async function listTwo(page, cell, { data = false, deactivated = false } = {}) {
  const token = await tokenFor('alice');
  const stamp = `${cell.fault}-${Date.now()}`;
  cell.tag = `fault-${stamp}`;
  cell.names = [`e2e-fault-bulk-a-${stamp}`, `e2e-fault-bulk-b-${stamp}`];
  cell.ids = [];
  for (const n of cell.names) {
    const id = await createImage(token, n, data ? Buffer.alloc(4096, 3) : null, { tags: [cell.tag] });
    if (deactivated) expect((await glance(token, 'POST', `/v2/images/${id}/actions/deactivate`)).status).toBe(204);
    cell.ids.push(id);
  }
  await page.goto(`/images?tag=${cell.tag}`);
  for (const n of cell.names) await expect(page.locator('.image-row__name a').filter({ hasText: n })).toBeVisible();
}

const row = (page, name) => page.locator('tr.image-row').filter({ has: page.locator('.image-row__name a', { hasText: name }) });

/** A bulk action on two listed images; the fault hits the first image's request only. */
function bulk({ name, button, method, path, confirm, deactivated, expected }) {
  const choose = async (page, cell) => {
    for (const n of cell.names) await page.getByLabel(`Select ${n}`).check();
  };
  const submit = async (page, count) => {
    await page.getByRole('button', { name: `${button} selected (${count})` }).click();
    if (confirm) await page.getByRole('alertdialog').getByRole('button', { name: confirm }).click();
  };
  // What the list shows for an image, given what Glance answers for it.
  const listed = async (page, cell, i) => {
    const r = await held(cell.ids[i]);
    if (r.status === 404) await expect(row(page, cell.names[i])).toHaveCount(0);
    else await expect(row(page, cell.names[i]).locator('.status-badge')).toHaveAttribute('data-status', r.json.status);
    return r;
  };
  return {
    name, user: 'alice', decodes: false,
    setup: (page, cell) => listTwo(page, cell, { data: true, deactivated }),
    matcher: (cell) => ({ method, url: new RegExp(`/v2/images/${cell.ids[0]}${path}$`) }),
    async act(page, cell) { await choose(page, cell); await submit(page, 2); },
    // The refused image stays selected: the user sends it again.
    redo: (page) => submit(page, 1),
    async kept(page, cell) { await expect(page.getByLabel(`Select ${cell.names[0]}`)).toBeChecked(); },
    async consistent(page, cell) {
      const results = page.locator('.bulk-actions .add-results');
      await expect(results.locator('.add-results__item--ok').filter({ hasText: cell.names[1] })).toBeVisible();
      await expect(results.locator('.add-results__item--error').filter({ hasText: cell.names[0] })).toBeVisible();
      const first = await listed(page, cell, 0);
      expect(first.status === 404 ? 'gone' : first.json.status).toBe(expected.before);
      await listed(page, cell, 1);
    },
    async succeeded(page, cell) {
      for (const i of [0, 1]) {
        const r = await listed(page, cell, i);
        expect(r.status === 404 ? 'gone' : r.json.status).toBe(expected.after);
      }
    },
    cleanup: removeImages,
  };
}

const operations = [
  {
    name: 'edit (properties)', user: 'alice', decodes: true,
    setup: (page, cell) => openNewImage(page, cell, { fields: { os_distro: 'cirros' } }),
    matcher: (cell) => ({ method: 'PATCH', url: new RegExp(`/v2/images/${cell.id}$`) }),
    async act(page) {
      await page.getByLabel('Value os_distro').fill('ubuntu');
      await page.getByLabel('Value os_distro').press('Tab');
      await page.getByRole('button', { name: 'Save' }).click();
    },
    redo: (page) => page.getByRole('button', { name: 'Save' }).click(),
    async kept(page) { await expect(page.getByLabel('Value os_distro')).toHaveValue('ubuntu'); },
    // The form keeps what was typed whatever Glance did; saving again (fault gone) must then
    // finish the edit rather than report the user's own change as someone else's.
    async consistent(page, cell) {
      await expect(page.getByRole('status').filter({ hasText: /^Saved\.$/ })).toHaveCount(0);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: /Saved\.|Nothing changed\./ })).toBeVisible();
      expect((await held(cell.id)).json.os_distro).toBe('ubuntu');
    },
    async succeeded(page, cell) {
      await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
      expect((await held(cell.id)).json.os_distro).toBe('ubuntu');
    },
    cleanup: removeImages,
  },
  flagToggle({ name: 'protect', field: 'protected', on: 'Protect', off: 'Unprotect' }),
  flagToggle({ name: 'hide', field: 'os_hidden', on: 'Hide from lists', off: 'Show in lists' }),
  {
    name: 'deactivate', user: 'alice', decodes: false,
    setup: (page, cell) => openNewImage(page, cell, { data: true }),
    matcher: (cell) => ({ method: 'POST', url: new RegExp(`/v2/images/${cell.id}/actions/deactivate$`) }),
    act: (page) => page.getByRole('button', { name: 'Deactivate' }).click(),
    async consistent(page, cell) {
      const status = (await held(cell.id)).json.status;
      await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', status);
      await expect(page.getByRole('button', { name: status === 'deactivated' ? 'Reactivate' : 'Deactivate' })).toBeVisible();
    },
    async succeeded(page, cell) {
      await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();
      await expect(page.locator('.fields .status-badge')).toHaveText('Deactivated');
      await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'deactivated');
      expect((await held(cell.id)).json.status).toBe('deactivated');
    },
    cleanup: removeImages,
  },
  {
    name: 'delete', user: 'alice', decodes: false,
    setup: (page, cell) => openNewImage(page, cell),
    matcher: (cell) => ({ method: 'DELETE', url: new RegExp(`/v2/images/${cell.id}$`) }),
    async act(page) {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    },
    async consistent(page, cell) {
      if ((await held(cell.id)).status === 404) await expect(page).toHaveURL(/\/images$/);
      else await expect(page.getByRole('heading', { level: 1, name: cell.name })).toBeVisible();
    },
    async succeeded(page, cell) {
      await expect(page).toHaveURL(/\/images$/);
      expect((await held(cell.id)).status).toBe(404);
    },
    cleanup: removeImages,
  },
  bulk({ name: 'bulk delete', button: 'Delete', method: 'DELETE', path: '', confirm: 'Delete', expected: { before: 'active', after: 'gone' } }),
  bulk({ name: 'bulk deactivate', button: 'Deactivate', method: 'POST', path: '/actions/deactivate', confirm: 'Deactivate', expected: { before: 'active', after: 'deactivated' } }),
  bulk({ name: 'bulk reactivate', button: 'Reactivate', method: 'POST', path: '/actions/reactivate', confirm: 'Reactivate', deactivated: true, expected: { before: 'deactivated', after: 'active' } }),
];

// Cells expected to fail, and why (each gets test.fail(); the lead removes them as fixed).
const known = {
};
runMatrix(test, operations, known);
