// The `test` every spec uses: Playwright's, with one guard shared by all journeys. Any
// uncaught page error, or a Rust panic written to the console (the wasm app is then dead),
// in any page fails the test that was running when it happened. Watched are the test's own
// page, pages of extra contexts (`browser.newPage()`, several users at once), and pages a
// `beforeAll` opens to share between tests (a problem seen outside any test is charged to the
// next test of that worker, so it is never lost).
//
// Content-Security-Policy violations fail the test too: an init script in every page of every
// watched context counts `securitypolicyviolation` events and reports each on the console (with
// the directive and what was blocked); at the end of a test every page still open is asked for
// its count as well, so a violation whose console message had not arrived yet is not missed.
// Under the production CSP a violation means the app tried to run or load something the policy
// forbids, i.e. a real bug (or injected content that was not inert).
const base = require('@playwright/test');

/** Console text that means the wasm app panicked or trapped. */
const PANIC = /panicked at|RuntimeError: unreachable|RuntimeError: memory access out of bounds/;

// Where problems go: the running test's list, or `early` between tests.
let current = null;
const early = [];
const record = (text) => (current || early).push(text);

/** Console prefix of the init script's violation reports. */
const CSP_TAG = '[csp-violation]';

/** Runs in every document: counts CSP violations and reports each on the console. */
function cspWatcher(tag) {
  if (window.__cspViolations !== undefined) return;
  window.__cspViolations = 0;
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations += 1;
    console.error(`${tag} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ` +
      `at ${e.sourceFile || '?'}:${e.lineNumber} sample=${JSON.stringify(e.sample || '')}`);
  }, true);
}

// Violations already reported on the console, per page (compared with the page's own count).
const cspReported = new WeakMap();

// Violations the running test provokes on purpose (e.g. a config.json naming a service the
// policy does not allow, to see the app explain it): each pattern must match at least one.
let expectedViolations = [];

/**
 * Declares that this test provokes CSP violations matching `pattern` (a RegExp over the
 * report "connect-src blocked <url> at …"). They do not fail the test; not seeing one does.
 */
function expectCspViolation(pattern) {
  expectedViolations.push({ pattern, seen: 0 });
}

/** `problems` without the violations the test expected; an expectation never met is one. */
function settleExpected(problems) {
  const out = problems.filter((p) => {
    const hit = p.startsWith('CSP violation') && expectedViolations.find((e) => e.pattern.test(p));
    if (hit) hit.seen += 1;
    return !hit;
  });
  for (const e of expectedViolations) {
    if (e.seen === 0) out.push(`expected a CSP violation matching ${e.pattern}, saw none`);
  }
  return out;
}

const watched = new WeakSet();
function watchPage(page) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('pageerror', (e) => record(`page error on ${page.url()}: ${e}`));
  page.on('console', (m) => {
    const text = m.text();
    if (PANIC.test(text)) record(`panic on ${page.url()}: ${text}`);
    if (text.startsWith(CSP_TAG)) {
      cspReported.set(page, (cspReported.get(page) || 0) + 1);
      record(`CSP violation on ${page.url()}: ${text}`);
    }
  });
  // A new document starts counting from 0 again.
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) cspReported.set(page, 0); });
}
const watchedContexts = new WeakSet();
async function watchContext(ctx) {
  ctx.pages().forEach(watchPage);
  if (watchedContexts.has(ctx)) return;
  watchedContexts.add(ctx);
  ctx.on('page', watchPage);
  await ctx.addInitScript(cspWatcher, CSP_TAG);
}

/** Violations counted by the open pages of `ctx` but not (yet) seen on the console. */
async function unreportedViolations(ctx) {
  const late = [];
  for (const page of ctx.pages()) {
    if (page.isClosed()) continue;
    const count = await Promise.race([
      page.evaluate(() => window.__cspViolations || 0).catch(() => 0),
      new Promise((r) => setTimeout(() => r(0), 2000)),
    ]);
    const missing = count - (cspReported.get(page) || 0);
    if (missing > 0) late.push(`${missing} CSP violation(s) on ${page.url()} (counted by the page)`);
  }
  return late;
}

const test = base.test.extend({
  // Worker-wide: every context the worker's browser opens is watched, including those a
  // beforeAll opens (browser.newPage() goes through newContext).
  browserGuard: [async ({ browser }, use) => {
    const newContext = browser.newContext;
    browser.newContext = async function (...args) {
      const ctx = await newContext.apply(this, args);
      await watchContext(ctx);
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
    expectedViolations = [];
    await watchContext(context);
    current = problems;
    try {
      await use(problems);
      problems.push(...await unreportedViolations(context));
    } finally {
      current = null;
    }
    base.expect(settleExpected(problems), 'uncaught page errors, panics or CSP violations').toEqual([]);
  }, { auto: true }],
});

module.exports = { test, expect: base.expect, expectCspViolation };
