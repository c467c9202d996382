// Faults the real Keystone and Glance will not produce on demand, injected by Playwright on
// exactly one request (method + URL) so everything else, including the page load, is real.
// Each fault knows how to answer that request and what the user must then see.
const { expect } = require('@playwright/test');
const { seed } = require('./stack');
const { loginAs } = require('./app');

/** Where errors are shown: an ErrorMessage, a banner, or a failed line of a result list. */
const errorsOn = (page) => page.locator('.error-message, [role="alert"], .add-results__item--error');

/** The error shown that contains `text` (the first, if the page repeats it). */
const shown = (page, text) => errorsOn(page).filter({ hasText: text }).first();
/** How long an error may take to show (a fault is answered at once). */
const SHOW = { timeout: 8_000 };

let serial = 0;
const requestId = (fault) => `req-fault-${fault}-${Date.now()}-${++serial}`;

/** A body in the service's own error format (Glance's or Keystone's). */
function serviceError(service, status, title, message) {
  if (service === 'Keystone') return { error: { code: status, title, message } };
  return { message, code: `${status} ${title}`, title };
}

// What a proxy in front of the service sends when the service is down.
const PROXY_503 = '<!DOCTYPE html><html><head><title>503 Service Unavailable</title>'
  + '<style>body { font-family: sans-serif; color: #a00 }</style></head><body>'
  + '<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your request '
  + 'due to maintenance downtime &amp; capacity problems. Please try again later.</p>\n<hr>\n'
  + '<address>nginx proxy</address></body></html>';
const PROXY_503_TEXT = 'The server is temporarily unable to service your request due to maintenance downtime & capacity problems. Please try again later.';

/**
 * The faults, one column each. `answer(route, cell)` answers the matched request;
 * `expectShown(page, cell)` asserts what the user must read. `cell.service` is the service
 * the request went to, `cell.requestId` the id the user should see (when there is one).
 * `reachesService`: the request got to the service, so it may have done the work.
 */
const FAULTS = [
  {
    key: '500', name: '500 JSON',
    async answer(route, cell) {
      cell.requestId = requestId('500');
      cell.message = `Injected failure of ${cell.operation}`;
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        headers: { 'x-openstack-request-id': cell.requestId },
        // Glance ends its messages with HTML line breaks; they must not reach the screen.
        body: JSON.stringify(serviceError(cell.service, 500, 'Internal Server Error', `${cell.message}<br /><br />\n\n`)),
      });
    },
    async expectShown(page, cell) {
      const error = shown(page, cell.message);
      await expect(error).toBeVisible(SHOW);
      await expect(error).toContainText(cell.requestId);
      await expect(error).not.toContainText('<br');
    },
  },
  {
    key: '503', name: '503 HTML',
    async answer(route, cell) {
      cell.requestId = null; // a proxy's page has none
      await route.fulfill({ status: 503, contentType: 'text/html', body: PROXY_503 });
    },
    async expectShown(page) {
      const error = shown(page, PROXY_503_TEXT);
      await expect(error).toBeVisible(SHOW);
      await expect(error).toContainText('Service Unavailable');
      for (const raw of ['<', '&amp;', 'font-family']) await expect(error).not.toContainText(raw);
    },
  },
  {
    key: 'reset', name: 'connection reset',
    async answer(route) { await route.abort('connectionreset'); },
    async expectShown(page) {
      // The catalog's plain words for "no answer", not the browser's "Failed to fetch".
      await expect(shown(page, 'could not be reached')).toBeVisible(SHOW);
      // Said once: no error box repeats a sentence (its text and its hint were once the same).
      for (const box of await page.locator('.error-message').all()) {
        const lines = (await box.locator('p').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
        expect(new Set(lines).size, `a sentence shown twice: ${JSON.stringify(lines)}`).toBe(lines.length);
      }
    },
  },
  {
    key: 'timeout', name: 'no answer', config: { request_timeout_s: 3 },
    // Never answered: the app's own timeout must give up (released after the test).
    answer(route, cell) { cell.held = route; return new Promise(() => {}); },
    async expectShown(page, cell) {
      await expect(shown(page, `${cell.service} did not answer within 3 s`)).toBeVisible({ timeout: 10_000 });
    },
  },
  {
    key: '401', name: '401 token refused',
    async answer(route, cell) {
      cell.requestId = requestId('401');
      cell.message = cell.service === 'Keystone'
        ? 'The request you have made requires authentication.'
        : 'This server could not verify that you are authorized to access the document you requested.';
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        headers: { 'x-openstack-request-id': cell.requestId },
        body: JSON.stringify(serviceError(cell.service, 401, 'Unauthorized', cell.message)),
      });
    },
    // Where there is a session, a refused token opens the re-login dialog (the runner drives
    // it); at the login form it is the ordinary "wrong credentials" answer.
    async expectShown(page, cell) {
      const error = shown(page, cell.message);
      await expect(error).toBeVisible(SHOW);
      await expect(error).toContainText(cell.requestId);
    },
  },
  {
    key: 'malformed', name: 'malformed JSON on 200', reachesService: true,
    async answer(route, cell) {
      // The request really reaches the service (it does the work); only the answer is broken.
      const response = await route.fetch();
      const id = response.headersArray().find((h) => h.name.toLowerCase() === 'x-openstack-request-id');
      cell.requestId = id ? id.value : null;
      cell.realStatus = response.status();
      cell.fetched = true;
      await route.fulfill({ response, status: 200, contentType: 'application/json', body: '{"id": "3f1c", "status": ' });
    },
    async expectShown(page, cell) {
      await expect.poll(() => cell.fetched, { message: 'the service answered' }).toBe(true);
      expect(cell.requestId, 'the service sent a request id').toBeTruthy();
      const error = shown(page, cell.requestId);
      await expect(error).toBeVisible(SHOW);
      await expect(error).toContainText(/unexpected (\w+ )?answer/i);
    },
  },
];

/**
 * Answers the first request matching `matcher` ({ method, url: RegExp }) with `fault`; every
 * other request goes on to the real service. With `fault.config`, config.json is served with
 * those settings added (install before the page loads). Returns the cell state; call
 * `cell.release()` after the test.
 */
async function injectOnce(page, matcher, fault, cell) {
  cell.hits = 0;
  const onRequest = async (route, request) => {
    if (cell.hits === 0 && request.method() === matcher.method && matcher.url.test(request.url())) {
      cell.hits += 1;
      // Marked before answering: what the user must see is known from here on.
      const answering = fault.answer(route, cell);
      cell.answered = true;
      cell.answering = answering;
      return answering;
    }
    return route.fallback();
  };
  await page.route('**/*', onRequest);
  cell.release = async () => {
    if (cell.held) {
      await cell.held.abort('failed').catch(() => {});
      cell.held = null;
    } else if (cell.answering) {
      // A fault that lets the request reach the service (malformed JSON on 200) can still be
      // waiting for the service's answer when the test has already seen what the service did
      // (logout: the token is revoked): unrouting under it would take its route away
      // ("Route is already handled"). It finishes first.
      await cell.answering.catch(() => {});
    }
    await page.unroute('**/*', onRequest);
  };
  return cell;
}

/** Serves config.json with `extra` settings merged in (e.g. a short request timeout). */
async function configWith(page, extra) {
  const onConfig = async (route) => {
    const response = await route.fetch();
    const json = { ...(await response.json()), ...extra };
    await route.fulfill({ response, json });
  };
  await page.route('**/config.json', onConfig);
  return () => page.unroute('**/config.json', onConfig);
}

/** Logs in again in the "session has ended" dialog as `user`. */
async function relogin(page, user) {
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(seed.users[user].password);
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * One describe per operation (one page, logged in once, shared by its cells) and one test per
 * cell, named `<operation> × <fault>`. An operation is
 *   { name, user, project?, service? ('Glance'|'Keystone'), decodes (its answer has a body the
 *     app reads), skip?: { faultKey: why }, on401?: 'relogin'|'error'|'done',
 *     init?(page), setup(page, cell), matcher(cell) → { method, url },
 *     act(page, cell) (type what a user types, then submit: the faulted request),
 *     redo?(page, cell) (submit again after re-login; default act),
 *     kept?(page, cell) (what the user typed is still there),
 *     consistent(page, cell) (what is on screen equals what the service holds),
 *     succeeded(page, cell) (the operation's effect, on screen and in the service),
 *     cleanup?(cell) }.
 * `known` maps a cell's title to why it is expected to fail (test.fail()).
 */
function runMatrix(test, operations, known = {}) {
  for (const op of operations) {
    test.describe(op.name, () => {
      let page;
      test.beforeAll(async ({ browser }, testInfo) => {
        // A page of its own (not the test's), so one login serves every cell of the row.
        page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
        if (op.init) await op.init(page);
        if (op.user) await loginAs(page, op.user, { project: op.project });
      });
      test.afterAll(async () => { await page?.close(); });

      for (const fault of FAULTS) {
        const title = `${op.name} × ${fault.name}`;
        test(title, async () => {
          const skip = op.skip && op.skip[fault.key];
          test.skip(Boolean(skip), skip);
          test.fail(Boolean(known[title]), known[title]);
          const cell = { operation: op.name, service: op.service || 'Glance', fault: fault.key, user: op.user };
          const stopConfig = fault.config ? await configWith(page, fault.config) : null;
          try {
            await op.setup(page, cell);
            await injectOnce(page, op.matcher(cell), fault, cell);
            await op.act(page, cell);
            // The faulted request may come later (an upload after its create): wait for it.
            await expect.poll(() => cell.answered, { message: 'the faulted request was made', timeout: 15_000 }).toBe(true);
            const on401 = op.on401 || 'relogin';
            if (fault.key === '401' && on401 === 'relogin') {
              await relogin(page, op.user);
              if (op.kept) await op.kept(page, cell);
              await (op.redo || op.act)(page, cell);
              await op.succeeded(page, cell);
            } else if ((fault.reachesService && !op.decodes) || (fault.key === '401' && on401 === 'done')) {
              // Nothing of the answer is read (204/202), or the token was already dead: the
              // operation did what it should.
              await op.succeeded(page, cell);
            } else {
              await fault.expectShown(page, cell);
              if (op.kept) await op.kept(page, cell);
              await op.consistent(page, cell);
            }
            expect(cell.hits, 'the fault was injected once').toBe(1);
          } finally {
            if (cell.release) await cell.release();
            if (stopConfig) await stopConfig();
            if (op.cleanup) await op.cleanup(cell).catch(() => {});
          }
        });
      }
    });
  }
}

module.exports = { runMatrix, FAULTS, injectOnce, configWith, relogin, errorsOn, shown, PROXY_503_TEXT };
