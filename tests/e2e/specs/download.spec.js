// Issue 6: download with progress, checked against Glance's os_hash_value. Images up to
// config.json's stream_downloads_above_mib (256 by default) go through the browser's own
// download; bigger ones are streamed to disk where the browser can (File System Access API),
// collected in memory where it can't. The picker's tests set the limit to 0.
const { test, expect } = require('../lib/fixtures');
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tokenFor, glance, createImage } = require('../lib/stack');
const { loginAs, watchErrors } = require('../lib/app');
const { configWith } = require('../lib/faults');

/** Every download of these tests goes to the save dialog (config.json's limit at 0 MiB). */
const ALWAYS_STREAM = (page) => configWith(page, { stream_downloads_above_mib: 0 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-share-download-'));
const name = `e2e-download-${Date.now()}`;
let bytes;
let id;
const created = [];

/** A private qcow2 image of alice's holding `data` (none when null), deleted after the tests. */
async function imageWith(imageName, data) {
  const id = await createImage(await tokenFor('alice'), imageName, data, { disk_format: 'qcow2' });
  created.push(id);
  return id;
}

test.beforeAll(async () => {
  // A real qcow2 (qemu-img) holding 6 MiB of random data, so it does not compress away.
  const raw = path.join(tmp, 'data.raw');
  const disk = path.join(tmp, 'disk.qcow2');
  fs.writeFileSync(raw, crypto.randomBytes(6 * 1024 * 1024));
  execFileSync('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, disk]);
  bytes = fs.readFileSync(disk);
  id = await imageWith(name, bytes);
});
test.afterAll(async () => {
  const token = await tokenFor('alice');
  for (const i of created) await glance(token, 'DELETE', `/v2/images/${i}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

// Playwright cannot drive the native save dialog: this stands in for it with a real
// FileSystemFileHandle from the origin-private file system, written by the app exactly as a
// picked file would be.
const PICK_INTO_OPFS = () => {
  window.showSaveFilePicker = async (options) => {
    window.__suggestedName = options.suggestedName;
    const dir = await navigator.storage.getDirectory();
    return dir.getFileHandle('picked.bin', { create: true });
  };
};
const NO_STREAMING = () => { delete Window.prototype.showSaveFilePicker; delete window.showSaveFilePicker; };

/** Reads back the file the app wrote through the picker: its size and sha256. */
const readPicked = (page) => page.evaluate(async () => {
  const dir = await navigator.storage.getDirectory();
  const file = await (await dir.getFileHandle('picked.bin')).getFile();
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return { size: file.size, sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
});

async function throttleDownloads(context, page, bytesPerSecond) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
}

test('streams to the picked file with progress, and the checksum is verified', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.addInitScript(PICK_INTO_OPFS);
  await ALWAYS_STREAM(page);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await expect(panel.locator('.download-panel__note')).toHaveCount(0);
  await throttleDownloads(context, page, 2 * 1024 * 1024);
  await panel.getByRole('button', { name: /^Download \(/ }).click();
  await expect(panel.locator('.download-progress__text')).toContainText(/Downloaded [\d.]+ \w+ of 6\.\d MiB \(\d+%\)/);
  await expect(panel.getByRole('status').filter({ hasText: 'Checksum verified' })).toContainText(
    `Saved as ${name}.qcow2.Checksum verified: the sha512 of the downloaded data matches the one Glance recorded.`, { timeout: 30_000 });
  expect(await page.evaluate(() => window.__suggestedName)).toBe(`${name}.qcow2`);
  expect(await readPicked(page)).toEqual({ size: bytes.length, sha256: sha256(bytes) });
  expect(errors).toEqual([]);
});

test('a cancelled download leaves nothing in the picked file', async ({ page, context }) => {
  await page.addInitScript(PICK_INTO_OPFS);
  await ALWAYS_STREAM(page);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await throttleDownloads(context, page, 512 * 1024);
  await panel.getByRole('button', { name: /^Download \(/ }).click();
  await expect(panel.locator('.download-progress__text')).toContainText(/\(\d+%\)/);
  await panel.getByRole('button', { name: 'Cancel download' }).click();
  await expect(panel.getByRole('status')).toHaveText('Download cancelled. Nothing was saved.');
  expect((await readPicked(page)).size).toBe(0);
  await expect(panel.getByRole('button', { name: /^Download \(/ })).toBeEnabled();
});

test('an image up to the limit goes through the browser\'s own download, without a save dialog', async ({ page }) => {
  const errors = watchErrors(page);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  // The browser as it is (headless Chromium has the picker but cannot show it): 6 MiB is under
  // the default 256 MiB, so no dialog is asked for.
  expect(await page.evaluate(() => typeof window.showSaveFilePicker)).toBe('function');
  await page.evaluate(() => {
    const picker = window.showSaveFilePicker;
    window.__pickerCalls = 0;
    window.showSaveFilePicker = (...args) => { window.__pickerCalls += 1; return picker.apply(window, args); };
  });
  const panel = page.getByRole('region', { name: 'Download' });
  await expect(panel.locator('.download-panel__note')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^Download \(/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.qcow2`);
  const saved = path.join(tmp, 'browser-download.qcow2');
  await download.saveAs(saved);
  expect(sha256(fs.readFileSync(saved))).toBe(sha256(bytes));
  await expect(panel.getByRole('status').filter({ hasText: 'Checksum verified' })).toContainText(`Saved as ${name}.qcow2.`);
  expect(await page.evaluate(() => window.__pickerCalls)).toBe(0);
  expect(errors).toEqual([]);
});

test('a save dialog closed without a file: the panel says nothing was downloaded', async ({ page }) => {
  await ALWAYS_STREAM(page);
  // What Chromium answers when the dialog is closed (and, headless, at once).
  await page.addInitScript(() => {
    window.showSaveFilePicker = async () => { throw new DOMException('The user aborted a request.', 'AbortError'); };
  });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await panel.getByRole('button', { name: /^Download \(/ }).click();
  await expect(panel.getByRole('status')).toHaveText('Download cancelled. Nothing was saved.');
  await expect(panel.getByRole('button', { name: /^Download \(/ })).toBeEnabled();
});

test('without the File System Access API: says so, then saves the same bytes through the browser', async ({ page }) => {
  await page.addInitScript(NO_STREAMING);
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await expect(panel.locator('.download-panel__note')).toContainText('collected in the browser\'s memory');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^Download \(/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.qcow2`);
  const saved = path.join(tmp, 'saved.qcow2');
  await download.saveAs(saved);
  expect(sha256(fs.readFileSync(saved))).toBe(sha256(bytes));
  await expect(panel.getByRole('status').filter({ hasText: 'Checksum verified' })).toBeVisible();
});

test('data corrupted on the way is caught by the checksum', async ({ page }) => {
  await page.addInitScript(PICK_INTO_OPFS);
  await ALWAYS_STREAM(page);
  // Fault injected: one flipped byte in Glance's answer (a real Glance won't corrupt data).
  let corrupted;
  await page.route(`**/v2/images/${id}/file`, async (route) => {
    const response = await route.fetch();
    corrupted = Buffer.from(await response.body());
    corrupted[corrupted.length >> 1] ^= 0xff;
    await route.fulfill({ response, body: corrupted });
  });
  await loginAs(page, 'alice', { start: `/images/${id}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await panel.getByRole('button', { name: /^Download \(/ }).click();
  const img = (await glance(await tokenFor('alice'), 'GET', `/v2/images/${id}`)).json;
  const got = crypto.createHash('sha512').update(corrupted || Buffer.alloc(0)).digest('hex');
  await expect(panel.getByRole('alert')).toContainText(
    `Checksum mismatch: Glance recorded sha512 ${img.os_hash_value}, the downloaded data has ${got}. Do not use this file.`);
});

test('an image deleted meanwhile: Glance\'s 404 is shown; an image without data offers no download', async ({ page }) => {
  await page.addInitScript(NO_STREAMING);
  const doomed = await imageWith(`e2e-download-gone-${Date.now()}`, bytes.subarray(0, 1024 * 1024));
  await loginAs(page, 'alice', { start: `/images/${doomed}` });
  const panel = page.getByRole('region', { name: 'Download' });
  await expect(panel).toBeVisible();
  expect((await glance(await tokenFor('alice'), 'DELETE', `/v2/images/${doomed}`)).status).toBe(204);
  await panel.getByRole('button', { name: /^Download \(/ }).click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The download failed (404)');
  await expect(alert).toContainText('Request ID');
  const empty = await imageWith(`e2e-download-queued-${Date.now()}`, null);
  await page.goto(`/images/${empty}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Download' })).toHaveCount(0);
});
