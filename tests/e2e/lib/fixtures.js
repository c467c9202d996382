// The `test` every spec uses: Playwright's, with one guard shared by all journeys. Any
// uncaught page error, or a Rust panic written to the console (the wasm app is then dead),
// in any page the test opens fails the test once it has run. Pages of extra contexts
// (`browser.newPage()`, several users at once) are watched too.
const base = require('@playwright/test');

/** Console text that means the wasm app panicked or trapped. */
const PANIC = /panicked at|RuntimeError: unreachable|RuntimeError: memory access out of bounds/;

const test = base.test.extend({
  pageGuard: [async ({ browser, context }, use) => {
    const problems = [];
    const watchPage = (page) => {
      page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e}`));
      page.on('console', (m) => {
        if (PANIC.test(m.text())) problems.push(`panic on ${page.url()}: ${m.text()}`);
      });
    };
    const watchContext = (ctx) => {
      ctx.pages().forEach(watchPage);
      ctx.on('page', watchPage);
    };
    watchContext(context);
    const newContext = browser.newContext;
    browser.newContext = async function (...args) {
      const ctx = await newContext.apply(this, args);
      watchContext(ctx);
      return ctx;
    };
    try {
      await use(problems);
    } finally {
      browser.newContext = newContext;
    }
    base.expect(problems, 'uncaught page errors or panics').toEqual([]);
  }, { auto: true }],
});

module.exports = { test, expect: base.expect };
