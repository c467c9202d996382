// Issue 6 (part): create + upload a real qcow2 with progress, a format mismatch, a cancel.
const { test, expect } = require('../lib/fixtures');
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tokenFor, glance, createImage, GLANCE } = require('../lib/stack');
const { loginAs, loginAsZh, throttle } = require('../lib/app');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-share-e2e-'));
const created = [];
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const id of created) await glance(token, 'DELETE', `/v2/images/${id}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function fillCreateForm(page, name, diskFormat, file) {
  await page.goto('/images/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Disk format').selectOption(diskFormat);
  await page.getByLabel('Tags (comma separated)').fill('e2e, upload');
  // Typed in the add row, not added: "Create image" adds it.
  await page.getByLabel('Property', { exact: true }).fill('os_distro');
  await page.getByLabel('New value').fill('cirros');
  await page.getByLabel('Image file').setInputFiles(file);
}

const idFromLink = async (page) => {
  const href = await page.getByRole('link', { name: 'Open the image' }).getAttribute('href');
  return href.split('/').pop();
};

test('create and upload a real qcow2: it becomes active with the right size and checksum', async ({ page }) => {
  const file = path.join(tmp, 'disk.qcow2');
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', file, '64M']);
  const bytes = fs.readFileSync(file);
  await loginAs(page, 'alice');
  await page.getByRole('link', { name: 'New image' }).click();
  const name = `e2e-upload-${Date.now()}`;
  await fillCreateForm(page, name, 'qcow2', file);
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  const id = await idFromLink(page);
  created.push(id);
  const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  expect(img.status).toBe('active');
  expect(img.size).toBe(bytes.length);
  expect(img.checksum).toBe(crypto.createHash('md5').update(bytes).digest('hex'));
  expect(img.os_hash_value).toBe(crypto.createHash(img.os_hash_algo).update(bytes).digest('hex'));
  expect(img.visibility).toBe('private');
  expect([...img.tags].sort()).toEqual(['e2e', 'upload']);
  expect(img.os_distro).toBe('cirros');
  await page.getByRole('link', { name: 'Open the image' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
});

test('data that does not match the disk format shows Glance\'s words, offers no retry that cannot work; the record can be deleted', async ({ page }) => {
  const file = path.join(tmp, 'random.bin');
  fs.writeFileSync(file, crypto.randomBytes(256 * 1024));
  await loginAs(page, 'alice');
  await fillCreateForm(page, `e2e-mismatch-${Date.now()}`, 'qcow2', file);
  // Said before sending; the user sends anyway, and Glance refuses as it was said.
  await expect(page.locator('#create-format-note')).toHaveText('This file\'s data is raw, not qcow2: Glance would refuse it after the upload. Choose raw as the disk format.');
  await page.getByRole('button', { name: 'Create image' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '(415)' });
  await expect(alert).toContainText('does not match');
  await expect(alert).toContainText('Request ID');
  const id = await idFromLink(page);
  created.push(id);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).status).toBe(200);
  // Glance keeps the refused file and answers any later data for this record with a 500:
  // no Retry, the way out is said instead.
  await expect(page.getByRole('button', { name: 'Retry upload' })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveText('Glance takes no more data for this record: delete it and create the image again with the file\'s disk format.');
  // The focus is at the outcome (the form it was in is locked while sending), not on the body.
  await expect(page.locator('.create-image__status')).toBeFocused();
  await page.getByRole('button', { name: 'Delete the image record' }).click();
  await expect(page.getByRole('button', { name: 'Create image' })).toBeVisible();
  // The form's first field takes the focus, with what was typed.
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(/^e2e-mismatch-/);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).status).toBe(404);
});

test('an upload can be cancelled; the record stays, without data, and the upload can be retried', async ({ page, context }) => {
  const file = path.join(tmp, 'big.raw');
  fs.writeFileSync(file, Buffer.alloc(24 * 1024 * 1024, 1));
  await loginAs(page, 'alice');
  // Slow the browser's uploads to 2 MB/s so there is time to press Cancel.
  const cdp = await throttle(context, page, { up: 2 * 1024 * 1024 });
  await fillCreateForm(page, `e2e-cancel-${Date.now()}`, 'raw', file);
  await page.getByRole('button', { name: 'Create image' }).click();
  const progress = page.locator('.upload-progress__text');
  await expect(progress).toContainText(/of 24\.0 MiB \(\d+%\)/);
  // The bar is named for a screen reader, which reads its value as a percentage.
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(1);
  // Said in steps of 10 %, not at every byte: a screen reader hears the status only then.
  await expect(page.getByRole('status').filter({ hasText: /^Upload progress: (0|[1-9]0|100)%$/ })).toHaveCount(1);
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
  // The Cancel button is gone: the focus is at the outcome and its choices, not on the body.
  await expect(page.locator('.create-image__status')).toBeFocused();
  const id = await idFromLink(page);
  created.push(id);
  await expect.poll(async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.status, { timeout: 20_000 }).toBe('queued');
  // Retry at full speed: the same record gets the data.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole('button', { name: 'Retry upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  expect(img.status).toBe('active');
  expect(img.size).toBe(24 * 1024 * 1024);
});

test('an upload answered "done" by something other than Glance (the record still has no data) is not said to be active; Retry sends it', async ({ page }) => {
  const file = path.join(tmp, 'small.raw');
  fs.writeFileSync(file, Buffer.alloc(256 * 1024, 7));
  await loginAs(page, 'alice');
  // A proxy's page answers the data (injected: Glance never answers an upload so).
  await page.route('**/v2/images/*/file', (route) => (route.request().method() === 'PUT'
    ? route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>ok</body></html>' })
    : route.fallback()));
  await fillCreateForm(page, `e2e-nodata-${Date.now()}`, 'raw', file);
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The upload failed' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.create-image__status')).toContainText('holds no data for the image (status: Queued)');
  await expect(page.getByText('The image is active.')).toHaveCount(0);
  const id = await idFromLink(page);
  created.push(id);
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.status).toBe('queued');
  // The way to Glance is clear again: Retry sends the file, and the image becomes active.
  await page.unroute('**/v2/images/*/file');
  await page.getByRole('button', { name: 'Retry upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The image is active.' })).toBeVisible({ timeout: 30_000 });
  expect((await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.size).toBe(256 * 1024);
});

test('a double click on Cancel upload cancels once: the Retry that takes its place is not clicked', async ({ page, context }) => {
  const file = path.join(tmp, 'big-dbl.raw');
  fs.writeFileSync(file, Buffer.alloc(24 * 1024 * 1024, 2));
  await loginAs(page, 'alice');
  const cdp = await throttle(context, page, { up: 2 * 1024 * 1024 });
  const puts = [];
  page.on('request', (r) => { if (r.method() === 'PUT' && r.url().endsWith('/file')) puts.push(r.url()); });
  await fillCreateForm(page, `e2e-cancel-dbl-${Date.now()}`, 'raw', file);
  await page.getByRole('button', { name: 'Create image' }).click();
  await expect(page.locator('.upload-progress__text')).toContainText(/of 24\.0 MiB \(\d+%\)/);
  await page.getByRole('button', { name: 'Cancel upload' }).dblclick();
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
  const id = await idFromLink(page);
  created.push(id);
  // Still cancelled a moment later: no second upload started.
  await page.waitForTimeout(1500);
  await expect(page.getByRole('alert').filter({ hasText: 'Upload cancelled' })).toBeVisible();
  await expect(page.locator('.upload-progress__text')).toHaveCount(0);
  expect(puts).toHaveLength(1);
  await expect.poll(async () => (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json.status, { timeout: 20_000 }).toBe('queued');
  // A single click on Retry still works.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole('button', { name: 'Retry upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Open the image' })).toBeVisible({ timeout: 30_000 });
});

test('the file\'s data preselects the disk format Glance will find, until the user picks one; a format Glance would refuse is said before sending', async ({ page }) => {
  const raw = path.join(tmp, 'picked.raw');
  fs.writeFileSync(raw, Buffer.alloc(1024));
  // An ISO 9660 volume descriptor after the 32 KiB system area, under a name that says nothing.
  const iso = path.join(tmp, 'picked.img');
  const isoBytes = Buffer.alloc(40 * 1024);
  isoBytes[0x8000] = 1;
  isoBytes.write('CD001', 0x8001, 'latin1');
  fs.writeFileSync(iso, isoBytes);
  // qcow2 data under a name that says raw: Glance goes by the data.
  const qcow = path.join(tmp, 'cloud.raw');
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', qcow, '16M']);
  const note = page.locator('#create-format-note');
  await loginAs(page, 'alice', { start: '/images/new' });
  await expect(page.getByLabel('Disk format')).toHaveValue('qcow2');
  await page.getByLabel('Image file').setInputFiles(raw);
  await expect(page.getByLabel('Disk format')).toHaveValue('raw');
  await page.getByLabel('Image file').setInputFiles(iso);
  await expect(page.getByLabel('Disk format')).toHaveValue('iso');
  await page.getByLabel('Image file').setInputFiles(qcow);
  await expect(page.getByLabel('Disk format')).toHaveValue('qcow2');
  await expect(note).toHaveCount(0);
  // The user's own choice stays, and what Glance would do with it is said beside the file,
  // as the field's description.
  await page.getByLabel('Disk format').selectOption('vmdk');
  const said = 'This file\'s data is qcow2, not vmdk: Glance would refuse it after the upload. Choose qcow2 as the disk format.';
  await expect(note).toHaveText(said);
  await expect(page.getByLabel('Image file')).toHaveAccessibleDescription(said);
  await page.getByLabel('Image file').setInputFiles(raw);
  await expect(page.getByLabel('Disk format')).toHaveValue('vmdk');
  await expect(note).toHaveText('This file\'s data is raw, not vmdk: Glance would refuse it after the upload. Choose raw as the disk format.');
  // raw takes any data.
  await page.getByLabel('Disk format').selectOption('raw');
  await expect(note).toHaveCount(0);
  await expect(page.getByLabel('Image file')).not.toHaveAttribute('aria-describedby');
});

test('a record without data gets it later from its detail page ("Upload data…")', async ({ page }) => {
  const file = path.join(tmp, 'later.qcow2');
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', file, '16M']);
  const bytes = fs.readFileSync(file);
  const name = `e2e-later-${Date.now()}`;
  const token = await tokenFor('alice');
  const id = await createImage(token, name, null, { disk_format: 'qcow2' });
  created.push(id);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  await page.getByRole('link', { name: 'Upload data…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Upload data to ${name} (qcow2)`);
  // Only the data is asked for: the record's fields are not shown.
  await expect(page.getByLabel('Name', { exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Upload data' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose the image file to send.');
  // The focus is on the field the message is about, which it describes; choosing a file
  // answers it, and the message goes.
  await expect(page.getByLabel('Image file')).toBeFocused();
  await expect(page.getByLabel('Image file')).toHaveAccessibleDescription('Choose the image file to send.');
  // Raw data for a qcow2 record: said before sending, without a format to choose (the
  // record's is fixed).
  const wrong = path.join(tmp, 'later-wrong.qcow2');
  fs.writeFileSync(wrong, Buffer.alloc(4096, 3));
  await page.getByLabel('Image file').setInputFiles(wrong);
  await expect(page.locator('#create-format-note')).toHaveText('This file\'s data is raw, not qcow2: Glance would refuse it after the upload.');
  await page.getByLabel('Image file').setInputFiles(file);
  await expect(page.locator('#create-format-note')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Upload data' }).click();
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible({ timeout: 30_000 });
  const img = (await glance(token, 'GET', `/v2/images/${id}`)).json;
  expect(img.status).toBe('active');
  expect(img.name).toBe(name);
  expect(img.size).toBe(bytes.length);
  expect(img.os_hash_value).toBe(crypto.createHash(img.os_hash_algo).update(bytes).digest('hex'));
  // Still one image of that name: no second record was made.
  expect((await glance(token, 'GET', `/v2/images?name=${name}`)).json.images).toHaveLength(1);
  await page.getByRole('link', { name: 'Open the image' }).click();
  await expect(page.getByRole('link', { name: 'Upload data…' })).toHaveCount(0);
});

test('"Upload data" to a record that has data: not offered; data that came another way meanwhile is Glance\'s 409, and the record is not offered for deletion', async ({ page }) => {
  const token = await tokenFor('alice');
  const full = await createImage(token, `e2e-full-${Date.now()}`, Buffer.alloc(4096, 1));
  created.push(full);
  await loginAs(page, 'alice', { start: `/images/new?image=${full}` });
  await expect(page.getByRole('alert')).toHaveText('This image is Active: Glance takes data only for an image without any (Queued).');
  await expect(page.getByRole('button', { name: 'Upload data' })).toHaveCount(0);
  await expect(page.getByLabel('Image file')).toBeHidden();

  // Queued when the page opened; the data arrives another way (the CLI) before the click.
  const name = `e2e-raced-${Date.now()}`;
  const raced = await createImage(token, name, null);
  created.push(raced);
  await page.goto(`/images/new?image=${raced}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Upload data to ${name} (raw)`);
  const file = path.join(tmp, 'raced.raw');
  fs.writeFileSync(file, Buffer.alloc(8192, 2));
  await page.getByLabel('Image file').setInputFiles(file);
  const other = Buffer.alloc(4096, 9);
  const put = await fetch(`${GLANCE}/v2/images/${raced}/file`, {
    method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' }, body: other,
  });
  expect(put.status).toBe(204);
  await page.getByRole('button', { name: 'Upload data' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '(409)' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Delete the image record' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open the image' })).toBeVisible();
  const img = (await glance(token, 'GET', `/v2/images/${raced}`)).json;
  expect({ status: img.status, size: img.size }).toEqual({ status: 'active', size: other.length });
});

test('the file field speaks the page language: its button opens the file chooser, the picked file shows with its size', async ({ browser }) => {
  // A bare file input shows the browser's own "Choose File" / "No file chosen", in the
  // browser's language, on a Chinese page too.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const file = path.join(tmp, 'picker-disk.raw');
  fs.writeFileSync(file, Buffer.alloc(3 * 1024, 7));
  await loginAsZh(page, 'alice', { start: '/images/new' });
  await expect(page.getByRole('heading', { name: '创建镜像' })).toBeVisible();
  const button = page.getByText('选择文件…', { exact: true });
  await expect(button).toBeVisible();
  await expect(page.getByText('未选择文件', { exact: true })).toBeVisible();

  // A click where the button shows (the pointer lands on the transparent input over it)
  // opens the browser's file chooser for the labelled input.
  const box = await button.boundingBox();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
  ]);
  expect(await chooser.element().getAttribute('id')).toBe('new-file');
  await chooser.setFiles(file);
  await expect(page.getByText('picker-disk.raw（3.0 KiB）', { exact: true })).toBeVisible();
  await expect(page.getByText('未选择文件', { exact: true })).toHaveCount(0);
  // The format follows the file's data (and extension), as with the bare input.
  await expect(page.getByLabel('磁盘格式')).toHaveValue('raw');
  // One Glance would refuse is said in the page's language.
  await page.getByLabel('磁盘格式').selectOption('qcow2');
  await expect(page.locator('#create-format-note')).toHaveText('此文件的数据为 raw 格式，而不是 qcow2：上传完成后 Glance 会拒绝它。请将磁盘格式选为 raw。');

  // By keyboard: the field is reached by its label's name and opened with Space.
  await page.getByLabel('镜像文件').focus();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await again.setFiles([]);
  await expect(page.getByText('未选择文件', { exact: true })).toBeVisible();

  // Switched to English, the same field says it in English.
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByText('Choose a file…', { exact: true })).toBeVisible();
  await expect(page.getByText('No file chosen', { exact: true })).toBeVisible();
  await context.close();
});
