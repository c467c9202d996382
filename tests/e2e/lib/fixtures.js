// The `test` every spec uses: Playwright's, with one guard shared by all journeys. Any
// uncaught page error, or a Rust panic written to the console (the wasm app is then dead),
// in any page fails the test that was running when it happened. Watched are the test's own
// page, pages of extra contexts (`browser.newPage()`, several users at once), and pages a
// `beforeAll` opens to share between tests (a problem seen outside any test is charged to the
// next test of that worker, so it is never lost).
const base = require('@playwright/test');

/** Console text that means the wasm app panicked or trapped. */
const PANIC = /panicked at|RuntimeError: unreachable|RuntimeError: memory access out of bounds/;

// Where problems go: the running test's list, or `early` between tests.
let current = null;
const early = [];
const record = (text) => (current || early).push(text);

const watched = new WeakSet();
function watchPage(page) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('pageerror', (e) => record(`page error on ${page.url()}: ${e}`));
  page.on('console', (m) => {
    if (PANIC.test(m.text())) record(`panic on ${page.url()}: ${m.text()}`);
  });
}
function watchContext(ctx) {
  ctx.pages().forEach(watchPage);
  ctx.on('page', watchPage);
}

const test = base.test.extend({
  // Worker-wide: every context the worker's browser opens is watched, including those a
  // beforeAll opens (browser.newPage() goes through newContext).
  browserGuard: [async ({ browser }, use) => {
    const newContext = browser.newContext;
    browser.newContext = async function (...args) {
      const ctx = await newContext.apply(this, args);
      watchContext(ctx);
      return ctx;
    };
    try {
      await use();
    } finally {
      browser.newContext = newContext;
    }
  }, { scope: 'worker', auto: true }],

  pageGuard: [async ({ context }, use) => {
    const problems = early.splice(0);
    watchContext(context);
    current = problems;
    try {
      await use(problems);
    } finally {
      current = null;
    }
    base.expect(problems, 'uncaught page errors or panics').toEqual([]);
  }, { auto: true }],
});

module.exports = { test, expect: base.expect };
