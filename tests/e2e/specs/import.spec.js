// Issue 6: interoperable import — glance-direct (stage, then import) and web-download (Glance
// fetches a URL from a local web server), followed until active or failed, with retry.
const { test, expect } = require('../lib/fixtures');
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs } = require('../lib/app');

// The dev/test stack lets web-download fetch from 127.0.0.1 on this port (scripts/stack.sh).
const PORT = Number(process.env.WEB_DOWNLOAD_PORT || 8093);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-share-import-'));
const disk = path.join(tmp, 'disk.qcow2');
execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', disk, '32M']);
const bytes = fs.readFileSync(disk);
const created = [];
const served = [];

// Serves disk.qcow2 at /disk.qcow2 slowly (in 8 pieces over about 4 s) so the import can be
// watched while it runs; anything else is 404.
const server = http.createServer((req, res) => {
  served.push(req.url);
  if (req.url !== '/disk.qcow2') { res.writeHead(404); res.end('not here'); return; }
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
  const piece = Math.ceil(bytes.length / 8);
  let at = 0;
  const next = () => {
    if (at >= bytes.length) { res.end(); return; }
    res.write(bytes.subarray(at, at + piece));
    at += piece;
    setTimeout(next, 500);
  };
  next();
});

test.beforeAll(async () => { await new Promise((ok) => server.listen(PORT, '127.0.0.1', ok)); });
test.afterAll(async () => {
  server.close();
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function startForm(page, name) {
  await loginAs(page, 'alice', { start: '/images/new' });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Disk format').selectOption('qcow2');
}

const idFromLink = async (page) => {
  const href = await page.getByRole('link', { name: 'Open the image' }).getAttribute('href');
  return href.split('/').pop();
};

async function expectStoredDisk(id) {
  const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  expect(img.status).toBe('active');
  expect(img.size).toBe(bytes.length);
  expect(img.os_hash_value).toBe(crypto.createHash(img.os_hash_algo).update(bytes).digest('hex'));
  return img;
}

test('the create form offers the import methods the cloud lists', async ({ page }) => {
  const info = (await glance(await tokenFor('alice'), 'GET', '/v2/info/import')).json;
  expect(info['import-methods'].value).toEqual(expect.arrayContaining(['glance-direct', 'web-download']));
  await loginAs(page, 'alice', { start: '/images/new' });
  const group = page.getByRole('group', { name: 'How Glance gets the data' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  await expect(group.getByLabel('Upload the file')).toBeChecked();
  await group.getByLabel(/web-download/).check();
  await expect(page.getByLabel('Image URL')).toBeVisible();
  await expect(page.getByLabel('Image file')).toBeHidden();
  // Staging needs a file: without one nothing is created.
  const name = `e2e-nofile-${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await group.getByLabel(/glance-direct/).check();
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose the image file to send.');
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images?name=${name}`)).json.images).toHaveLength(0);
});

test('the form does not move when the cloud says which import methods it offers', async ({ page }) => {
  // Fault injected: the answer of GET /v2/info/import is held back 1.5 s, so the form is
  // seen (and could be clicked) before the choices are known.
  let answered = false;
  await page.route('**/v2/info/import', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue();
    answered = true;
  });
  await loginAs(page, 'alice', { start: '/images/new' });
  const submit = page.getByRole('button', { name: 'Create image' });
  const file = page.getByLabel('Image file');
  await expect(submit).toBeVisible();
  expect(answered).toBe(false);
  // Not shown (nor read out) while unknown...
  await expect(page.getByRole('group', { name: 'How Glance gets the data' })).toHaveCount(0);
  const before = { submit: await submit.boundingBox(), file: await file.boundingBox() };
  // ...then shown in the space kept for it: the file field and the button stay put.
  const group = page.getByRole('group', { name: 'How Glance gets the data' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  expect(answered).toBe(true);
  expect(await submit.boundingBox()).toEqual(before.submit);
  expect(await file.boundingBox()).toEqual(before.file);
  await expect(group.getByLabel('Upload the file')).toBeChecked();
});

test('moving to the create page does not wait for Glance to say which import methods it offers', async ({ page }) => {
  // Fault injected: the answer of GET /v2/info/import is held until the test lets it go.
  // Reached from the catalog (a move inside the app, not a fresh load), the page used to
  // stay on the catalog until Glance answered, up to the request time limit.
  await loginAs(page, 'alice');
  let release;
  const held = new Promise((ok) => { release = ok; });
  let asked = 0;
  await page.route('**/v2/info/import', async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'New image' }).click();
  await expect(page.getByRole('heading', { name: 'Create an image' })).toBeVisible();
  await expect(page).toHaveURL(/\/images\/new$/);
  await page.getByLabel('Name', { exact: true }).fill('typed while Glance thinks');
  await expect.poll(() => asked).toBe(1);
  await expect(page.getByRole('group', { name: 'How Glance gets the data' })).toHaveCount(0);
  release();
  const group = page.getByRole('group', { name: 'How Glance gets the data' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('typed while Glance thinks');
});

test('a cloud without interoperable import gets only the plain upload', async ({ page }) => {
  // Fault injected: this stack enables import, so a cloud without it is simulated with a 404.
  await page.route('**/v2/info/import', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"message": "Not Found", "code": "404 Not Found", "title": "Not Found"}' }));
  await loginAs(page, 'alice', { start: '/images/new' });
  await expect(page.getByLabel('Image file')).toBeVisible();
  await expect(page.getByRole('group', { name: 'How Glance gets the data' })).toHaveCount(0);
});

test('glance-direct: the file is staged, imported, and the image becomes active with the right bytes', async ({ page }) => {
  const name = `e2e-stage-${Date.now()}`;
  const requests = [];
  page.on('request', (r) => { if (/\/v2\/images\/[^/]+\/(stage|import|file)$/.test(r.url())) requests.push(`${r.method()} ${r.url().split('/').pop()}`); });
  await startForm(page, name);
  await page.getByLabel(/glance-direct/).check();
  await page.getByLabel('Image file').setInputFiles(disk);
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  const id = await idFromLink(page);
  created.push(id);
  expect(requests).toEqual(['PUT stage', 'POST import']);
  await expectStoredDisk(id);
});

test('glance-direct to an existing record: a second click while the record is read sends nothing more', async ({ page }) => {
  const name = `e2e-stage-twice-${Date.now()}`;
  const id = await createImage(await tokenFor('alice'), name, null, { disk_format: 'qcow2' });
  created.push(id);
  const requests = [];
  page.on('request', (r) => { if (/\/v2\/images\/[^/]+\/(stage|import|file)$/.test(r.url())) requests.push(`${r.method()} ${r.url().split('/').pop()}`); });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByRole('link', { name: 'Upload data…' }).click();
  await page.getByLabel(/glance-direct/).check();
  await page.getByLabel('Image file').setInputFiles(disk);
  // The read of the record before staging takes 1.5 s (a slow Glance); the impatient user
  // clicks again meanwhile.
  await page.route(`**/v2/images/${id}`, async (route) => {
    if (route.request().method() === 'GET') await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue().catch(() => {});
  });
  // A double click: its second click comes while the record is read.
  await page.getByRole('button', { name: 'Upload data' }).dblclick();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  expect(requests).toEqual(['PUT stage', 'POST import']);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectStoredDisk(id);
});

test('web-download: Glance fetches the URL, the page follows the import until active', async ({ page }) => {
  const name = `e2e-web-${Date.now()}`;
  await startForm(page, name);
  await page.getByLabel(/web-download/).check();
  await page.getByLabel('Image URL').fill(`http://127.0.0.1:${PORT}/disk.qcow2`);
  served.length = 0;
  await page.getByRole('button', { name: 'Create image' }).click();
  // The slow server keeps Glance busy for a few seconds: the status is shown meanwhile.
  await expect(page.locator('.import-progress__status')).toContainText('Glance is importing the image (status: Importing)');
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  expect(served).toEqual(['/disk.qcow2']);
  const id = await idFromLink(page);
  created.push(id);
  await expectStoredDisk(id);
});

test('the detail page follows an import started elsewhere until the image is active', async ({ page }) => {
  const token = await tokenFor('alice');
  const id = await createImage(token, `e2e-follow-${Date.now()}`, null, { disk_format: 'qcow2' });
  created.push(id);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'queued');
  // Started by someone else (straight at Glance); the slow server keeps it importing a while.
  const r = await glance(token, 'POST', `/v2/images/${id}/import`, { method: { name: 'web-download', uri: `http://127.0.0.1:${PORT}/disk.qcow2` } });
  expect(r.status).toBe(202);
  await page.reload();
  await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'importing');
  // No reload from here: the page reads the image again until Glance is done.
  await expect(page.locator('.fields .status-badge')).toHaveAttribute('data-status', 'active', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^Download \(/ })).toBeVisible();
  await expectStoredDisk(id);
});

test('a web-download that fails shows Glance\'s words; a corrected URL is retried on the same record', async ({ page }) => {
  const name = `e2e-web-fail-${Date.now()}`;
  await startForm(page, name);
  await page.getByLabel(/web-download/).check();
  await page.getByLabel('Image URL').fill(`http://127.0.0.1:${PORT}/missing.qcow2`);
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The import failed' })).toBeVisible({ timeout: 30_000 });
  // Glance's own account of the failure (from the image's task) and the import request's id.
  const task = page.locator('.error-message');
  const id = await idFromLink(page);
  created.push(id);
  const tasks = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}/tasks`)).json.tasks;
  expect(tasks).toHaveLength(1);
  expect(tasks[0].status).toBe('failure');
  await expect(task.locator('.error-message__text')).toHaveText(tasks[0].message);
  await expect(task.locator('.error-message__request-id')).toContainText(tasks[0].request_id);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.status).toBe('queued');
  // The URL typed stays; fix it and retry: the same record becomes active.
  await expect(page.getByLabel('Image URL')).toHaveValue(`http://127.0.0.1:${PORT}/missing.qcow2`);
  await page.getByLabel('Image URL').fill(`http://127.0.0.1:${PORT}/disk.qcow2`);
  await page.getByRole('button', { name: 'Retry import' }).click();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'The import failed' })).toHaveCount(0);
  await expectStoredDisk(id);
});

test('a URL Glance refuses to fetch is answered with Glance\'s 400; a non-http URL is stopped in the form', async ({ page }) => {
  const name = `e2e-web-refused-${Date.now()}`;
  await startForm(page, name);
  await page.getByLabel(/web-download/).check();
  await page.getByLabel('Image URL').fill('file:///etc/passwd');
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert')).toHaveText('Glance can download only http:// and https:// URLs.');
  const token = await tokenFor('alice');
  expect((await glance(token, 'GET', `/v2/images?name=${name}`)).json.images).toHaveLength(0);
  // Port 9 is not in this stack's allowed_ports: Glance's filter refuses it.
  await page.getByLabel('Image URL').fill('http://127.0.0.1:9/disk.qcow2');
  await page.getByRole('button', { name: 'Create image' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '(400)' });
  await expect(alert).toContainText('URI for web-download does not pass filtering: http://127.0.0.1:9/disk.qcow2');
  await expect(alert).toContainText('Request ID');
  created.push(await idFromLink(page));
});
