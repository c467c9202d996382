// When the app's wasm traps (a Rust panic: the release build aborts at once; an abort; a bad
// memory access), the tab must not freeze silently: index.html's script puts the "app
// stopped" banner on the page, in the page's language, with Reload and the trap's details.
// The trap here is a real one of the app's own module: wasm-bindgen's allocator asked for an
// impossible alignment aborts, which in this build is the same `unreachable` a panic ends in.
// These tests provoke page errors on purpose, so they use Playwright's own `test`, not the
// fixture that fails a test on any page error; each checks the error it expects.
const { test, expect } = require('@playwright/test');
const { loginAs } = require('../lib/app');

/** Keeps the app's wasm exports (Trunk's start event carries them) for the test to call. */
async function keepWasmExports(page) {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__appWasm = e.detail.wasm; });
  });
}

/** The uncaught errors (and unhandled rejections) of `page`, as text, as they come. */
function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const banner = (page) => page.locator('#panic-banner');

test('a trap of the app\'s wasm shows the banner with Reload focused and the trap\'s details; Reload brings the app back', async ({ page }) => {
  await keepWasmExports(page);
  const errors = pageErrors(page);
  await loginAs(page, 'alice');
  await expect(page.locator('.image-row').first()).toBeVisible();

  // A trap in a task of its own (as in an event handler or a timer): the "error" path.
  await page.evaluate(() => setTimeout(() => window.__appWasm.__wbindgen_malloc(1, 3)));
  const alert = page.getByRole('alert').filter({ hasText: 'The app stopped because of an internal error' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Nothing more can be done on this page until it is reloaded.');
  const reload = page.getByRole('button', { name: 'Reload the app' });
  await expect(reload).toBeFocused();
  await expect.poll(() => errors.join('\n')).toMatch(/RuntimeError: unreachable/);

  // The details: the trap and where it happened, to copy into a report.
  await page.getByText('Error details (for a bug report)').click();
  const details = page.getByRole('textbox', { name: 'Error details (for a bug report)' });
  // The trap, the wasm frames it went through, and the page's address on a line of its own.
  await expect(details).toHaveValue(/^RuntimeError: unreachable\n[\s\S]*_bg\.wasm:wasm-function\[\d+\][\s\S]*\nhttp:\/\/[^\s]+\/images$/);

  // A second trap does not stack a second banner.
  await page.evaluate(() => setTimeout(() => window.__appWasm.__wbindgen_malloc(1, 3)));
  await expect.poll(() => errors.length).toBe(2);
  await expect(banner(page)).toHaveCount(1);

  // Reload: the same address, the app running again (the session is kept in the tab).
  await reload.click();
  await expect(page.locator('.image-row').first()).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe('/images');
});

test('in Chinese, a trap in a promise callback shows the banner in Chinese', async ({ page }) => {
  await keepWasmExports(page);
  const errors = pageErrors(page);
  await loginAs(page, 'bob');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // A trap inside a promise's callback (as in an answer's handler): the "unhandledrejection" path.
  await page.evaluate(() => { Promise.resolve().then(() => window.__appWasm.__wbindgen_malloc(1, 3)); });
  await expect(page.getByRole('alert').filter({ hasText: '应用因内部错误而停止' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新加载应用' })).toBeFocused();
  await page.getByText('错误详细信息（用于报告问题）').click();
  await expect(page.getByRole('textbox', { name: '错误详细信息（用于报告问题）' })).toHaveValue(/RuntimeError/);
  await expect.poll(() => errors.join('\n')).toMatch(/RuntimeError: unreachable/);
});

test('an error that is not the app\'s wasm shows no banner and the app goes on', async ({ page }) => {
  const errors = pageErrors(page);
  await loginAs(page, 'alice');
  await page.evaluate(() => {
    setTimeout(() => { throw new Error('not the app'); });
    Promise.reject(new TypeError('not the app either'));
  });
  await expect.poll(() => errors.length).toBe(2);
  // The app still answers: another tab of the catalog loads.
  await page.getByRole('link', { name: 'Public', exact: true }).click();
  await expect(page).toHaveURL(/\/images\?.*public/);
  await expect(page.locator('.image-row').first()).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});
