// Issue 11 (fault matrix, sharing part): every sharing operation under each fault of
// lib/faults.js, injected on its one request; the rest runs against the real Keystone + Glance.
// Each cell checks the words shown, what Glance then holds against the screen, and typed input.
const { test, expect } = require('../lib/fixtures');
const { seed, tokenFor, glance, createImage } = require('../lib/stack');
const { runMatrix } = require('../lib/faults');

const { beta, gamma } = seed.projects;
const Status = { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected' };

/** A shared image of alpha's (created straight at Glance) with `members` invited. */
async function sharedImage(cell, members = []) {
  const token = await tokenFor('alice');
  cell.name = `e2e-fault-${cell.fault}-${Date.now()}`;
  cell.id = await createImage(token, cell.name, null, { visibility: 'shared' });
  for (const m of members) expect((await glance(token, 'POST', `/v2/images/${cell.id}/members`, { member: m })).status).toBe(200);
  return cell.id;
}

/** Member statuses as Glance holds them, asked as the owner. */
async function glanceMembers(id) {
  const r = await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/members`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.json.members.map((m) => [m.member_id, m.status]));
}

const deleteImage = async (cell) => { if (cell.id) await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${cell.id}`); };
const memberRow = (page, projectId) => page.locator(`tr.member-row[data-member-id="${projectId}"]`);
const consumerStatus = (page) => page.locator('.consumer-status .member-status');

async function openImage(page, cell) {
  await page.goto(`/images/${cell.id}`);
  await expect(page.getByRole('heading', { level: 1, name: cell.name })).toBeVisible();
}

/** A consumer's status change on the detail page (accept, reject, back to pending). */
function consumerChange({ name, from, to, act }) {
  return {
    name, user: 'bob', decodes: true,
    async setup(page, cell) {
      await sharedImage(cell, [beta]);
      if (from !== 'pending') {
        const r = await glance(await tokenFor('bob'), 'PUT', `/v2/images/${cell.id}/members/${beta}`, { status: from });
        expect(r.status).toBe(200);
      }
      await openImage(page, cell);
      await expect(consumerStatus(page)).toHaveText(Status[from]);
    },
    matcher: (cell) => ({ method: 'PUT', url: new RegExp(`/v2/images/${cell.id}/members/${beta}$`) }),
    act,
    async consistent(page, cell) {
      await expect(consumerStatus(page)).toHaveText(Status[(await glanceMembers(cell.id))[beta]]);
    },
    async succeeded(page, cell) {
      await expect(consumerStatus(page)).toHaveText(Status[to]);
      expect((await glanceMembers(cell.id))[beta]).toBe(to);
    },
    cleanup: deleteImage,
  };
}

const operations = [
  {
    name: 'add member', user: 'alice', decodes: true,
    async setup(page, cell) { await sharedImage(cell); await openImage(page, cell); },
    matcher: (cell) => ({ method: 'POST', url: new RegExp(`/v2/images/${cell.id}/members$`) }),
    async act(page) {
      await page.getByLabel(/Project IDs/).fill(beta);
      await page.getByRole('button', { name: 'Add members', exact: true }).click();
    },
    async redo(page) { await page.getByRole('button', { name: 'Add members', exact: true }).click(); },
    async kept(page) { await expect(page.getByLabel(/Project IDs/)).toHaveValue(beta); },
    async consistent(page, cell) {
      const held = await glanceMembers(cell.id);
      if (beta in held) await expect(memberRow(page, beta).locator('.member-status')).toHaveText(Status[held[beta]]);
      else await expect(memberRow(page, beta)).toHaveCount(0);
      await expect(page.getByTestId('member-count')).toHaveText(String(Object.keys(held).length));
    },
    async succeeded(page, cell) {
      await expect(memberRow(page, beta).locator('.member-status')).toHaveText('Pending');
      expect(await glanceMembers(cell.id)).toEqual({ [beta]: 'pending' });
    },
    cleanup: deleteImage,
  },
  {
    name: 'remove member', user: 'alice', decodes: false,
    async setup(page, cell) {
      await sharedImage(cell, [beta]);
      await openImage(page, cell);
      await expect(memberRow(page, beta)).toHaveCount(1);
    },
    matcher: (cell) => ({ method: 'DELETE', url: new RegExp(`/v2/images/${cell.id}/members/${beta}$`) }),
    async act(page) {
      await memberRow(page, beta).getByRole('button', { name: /^Remove/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    },
    async consistent(page, cell) {
      const held = await glanceMembers(cell.id);
      await expect(memberRow(page, beta)).toHaveCount(beta in held ? 1 : 0);
    },
    async succeeded(page, cell) {
      await expect(memberRow(page, beta)).toHaveCount(0);
      expect(await glanceMembers(cell.id)).toEqual({});
    },
    cleanup: deleteImage,
  },
  consumerChange({
    name: 'accept', from: 'pending', to: 'accepted',
    act: (page) => page.getByRole('button', { name: 'Accept', exact: true }).click(),
  }),
  consumerChange({
    name: 'reject', from: 'pending', to: 'rejected',
    async act(page) {
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Reject' }).click();
    },
  }),
  consumerChange({
    name: 'back to pending', from: 'accepted', to: 'pending',
    act: (page) => page.getByRole('button', { name: 'Back to pending' }).click(),
  }),
  {
    name: 'accept all', user: 'carol', decodes: true,
    async setup(page, cell) {
      const token = await tokenFor('alice');
      const stamp = `${cell.fault}-${Date.now()}`;
      cell.names = [`e2e-fault-all-a-${stamp}`, `e2e-fault-all-b-${stamp}`];
      cell.ids = [];
      for (const n of cell.names) {
        const id = await createImage(token, n, null, { visibility: 'shared' });
        cell.ids.push(id);
        expect((await glance(token, 'POST', `/v2/images/${id}/members`, { member: gamma })).status).toBe(200);
      }
      await page.goto('/images?view=invitations');
      for (const n of cell.names) await expect(page.locator('.image-row__name a').filter({ hasText: n })).toBeVisible();
    },
    // Only the first image's answer is broken; the second goes through.
    matcher: (cell) => ({ method: 'PUT', url: new RegExp(`/v2/images/${cell.ids[0]}/members/${gamma}$`) }),
    async act(page) {
      await page.getByRole('button', { name: /^Accept all/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Accept all' }).click();
    },
    async consistent(page, cell) {
      await expect(page.locator('.accept-all .add-results__item--ok').filter({ hasText: cell.names[1] })).toBeVisible();
      await expect(page.locator('.accept-all .add-results__item--error').filter({ hasText: cell.names[0] })).toBeVisible();
      for (const [i, id] of cell.ids.entries()) {
        const listed = (await glanceMembers(id))[gamma] === 'pending' ? 1 : 0;
        await expect(page.locator('.image-row__name a').filter({ hasText: cell.names[i] })).toHaveCount(listed);
      }
    },
    async succeeded(page, cell) {
      for (const n of cell.names) await expect(page.locator('.image-row__name a').filter({ hasText: n })).toHaveCount(0);
      for (const id of cell.ids) expect((await glanceMembers(id))[gamma]).toBe('accepted');
    },
    async cleanup(cell) {
      const token = await tokenFor('alice');
      for (const id of cell.ids || []) await glance(token, 'DELETE', `/v2/images/${id}`);
    },
  },
  {
    name: 'visibility change', user: 'alice', decodes: true,
    async setup(page, cell) {
      cell.name = `e2e-fault-vis-${cell.fault}-${Date.now()}`;
      cell.id = await createImage(await tokenFor('alice'), cell.name, null);
      await openImage(page, cell);
      await expect(page.getByRole('radio', { name: /^Private/ })).toBeChecked();
    },
    matcher: (cell) => ({ method: 'PATCH', url: new RegExp(`/v2/images/${cell.id}$`) }),
    // click, not check: the app may put the radio back.
    act: (page) => page.getByRole('radio', { name: /^Shared/ }).click(),
    async consistent(page, cell) {
      const held = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${cell.id}`)).json.visibility;
      await expect(page.getByRole('radio', { name: new RegExp(`^${held}`, 'i') })).toBeChecked();
    },
    async succeeded(page, cell) {
      await expect(page.getByRole('radio', { name: /^Shared/ })).toBeChecked();
      // The radio is checked by the click itself; the save may still be on its way.
      await expect.poll(async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${cell.id}`)).json.visibility).toBe('shared');
    },
    cleanup: deleteImage,
  },
];

// Cells expected to fail, and why (each gets test.fail(); the lead removes them as fixed).
const known = {
};
runMatrix(test, operations, known);
