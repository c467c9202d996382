// Catalog speed: time from navigation to the first image row, for a project owning 100 images
// and one owning 10,000 (seeded by scripts/seed_bulk.py), in headless Chromium against the
// release build served by nginx (scripts/nginx.sh).
//   node bench/catalog.js            env: APP_URL (http://127.0.0.1:8081), RUNS (5), CHROMIUM,
//                                    KEYSTONE_URL, GLANCE_URL (for counting, as scripts/env.sh sets them),
//                                    WARM_START=off (for comparison: every load starts without
//                                    the app's note of its last list request, as before the warm start)
const { BASE, launch, login, loadAverage, median } = require('./lib');

const RUNS = Number(process.env.RUNS || 5);
const USER = 'bencher';
const PASSWORD = 'bencher-pass';
const PROJECTS = ['bench100', 'bench10k'];

// Runs in every document before the app: note performance.now() (ms since this navigation
// started) when the first .image-row enters the DOM, and at the next two animation frames
// (the frame that paints it has then been produced).
const OBSERVER = () => {
  window.__bench = {};
  // Resolved when the rows are painted: the bench awaits it once instead of polling the page
  // (Playwright's locator polling runs on the page's main thread, beside the app it measures).
  window.__benchPainted = new Promise((resolve) => { window.__benchResolve = resolve; });
  // The first element the app puts in <body> (its "loading" line): the wasm is running.
  new MutationObserver((_, obs) => {
    if (document.body && document.body.firstElementChild) { window.__bench.mounted = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  // The browser's own record of when the first row's name was painted (Element Timing: the
  // presentation time of the frame that first showed it). The attribute is set in the
  // MutationObserver's callback, which runs before the frame that paints the row.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'bench-first-row' && window.__bench.rowPaint === undefined) {
        window.__bench.rowPaint = e.renderTime || e.loadTime;
      }
    }
  }).observe({ type: 'element', buffered: true });
  const seen = () => {
    const row = document.querySelector('.image-row');
    if (window.__bench.dom !== undefined || !row) return false;
    window.__bench.dom = performance.now();
    // Chromium times the name's text on its link (the element its text is reported under).
    const name = row.querySelector('.image-row__name a') || row.querySelector('td');
    if (name) name.setAttribute('elementtiming', 'bench-first-row');
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__bench.painted = performance.now();
      window.__benchResolve();
    }));
    return true;
  };
  new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); })
    .observe(document, { childList: true, subtree: true });
};

// Runs in the page after the rows are painted: where the time went, in ms after navigation
// start (Navigation and Resource Timing; every request is same-origin through the proxy).
// listServer is the time of the request that brings the rows (sent → last byte): the server's
// share of the critical path; the rest of "painted" is the app's own time (plus the network).
const breakdown = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const find = (re) => res.find((e) => re.test(new URL(e.name).pathname + new URL(e.name).search));
  const js = find(/\/glance-share-[^/]*\.js$/);
  const wasm = find(/_bg\.wasm$/);
  const config = find(/\/config\.json$/);
  const api = res.filter((e) => /^\/(image|identity)\//.test(new URL(e.name).pathname));
  const list = find(/\/v2\/images\?owner=/);
  const keystone = api.filter((e) => new URL(e.name).pathname.startsWith('/identity/'));
  return {
    // Fetches of config.json: 1 when the app's fetch takes the <link rel=preload> response.
    configFetches: res.filter((e) => /\/config\.json$/.test(new URL(e.name).pathname)).length,
    // The list request must not wait for Keystone: sent before any Keystone answer arrived.
    listAfterKeystone: list ? keystone.filter((e) => e.responseEnd <= list.startTime).length : NaN,
    html: nav ? nav.responseEnd : NaN,
    jsWasmFetched: Math.max(js ? js.responseEnd : 0, wasm ? wasm.responseEnd : 0),
    configSent: config ? config.startTime : NaN,
    configDone: config ? config.responseEnd : NaN,
    firstApiSent: api.length ? Math.min(...api.map((e) => e.startTime)) : NaN,
    lastApiDone: api.length ? Math.max(...api.map((e) => e.responseEnd)) : NaN,
    listSent: list ? list.startTime : NaN,
    listDone: list ? list.responseEnd : NaN,
    listServer: list ? list.responseEnd - list.startTime : NaN,
  };
};


async function benchProject(browser, project) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  let requests = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/image/') || p.startsWith('/identity/')) requests.push(`${r.method()} ${r.url()}`);
  });
  await page.addInitScript(OBSERVER);
  if (process.env.WARM_START === 'off') {
    // Runs before index.html's own script: without the note, it sends nothing early.
    await page.addInitScript(() => sessionStorage.removeItem('glance-share.warm-start'));
  }

  await login(page, project);

  // One untimed load so both projects start with the same warm HTTP cache (wasm, css).
  await page.goto(`${BASE}/images`);
  await page.locator('.image-row').first().waitFor();
  await page.waitForLoadState('networkidle');

  const runs = [];
  let glanceUrl = null;
  for (let i = 0; i < RUNS; i++) {
    requests = [];
    await page.goto(`${BASE}/images`);
    await page.evaluate(() => window.__benchPainted);
    await page.waitForLoadState('networkidle'); // count everything this load asked for
    const t = await page.evaluate(() => window.__bench);
    const rows = await page.locator('.image-row').count();
    // When each API call started and ended, ms after navigation start (Resource Timing).
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/(image|identity)\//.test(new URL(e.name).pathname))
      .map((e) => `${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)} ms  ${new URL(e.name).pathname}${new URL(e.name).search.slice(0, 60)}`));
    const phases = await page.evaluate(breakdown);
    phases.appOwn = t.painted - phases.listServer;
    phases.rowPaint = t.rowPaint;
    phases.appOwnByPaint = t.rowPaint - phases.listServer;
    phases.mounted = t.mounted;
    runs.push({ dom: t.dom, painted: t.painted, requests: requests.length, rows, list: requests, timing, phases });
    glanceUrl = glanceUrl || requests.find((r) => r.includes('/image/v2/images?owner='));
  }
  await context.close();
  return { project, runs, glanceUrl };
}

async function ownedCount(project) {
  // Counted straight from Keystone + Glance (paged with our own marker), not through the app.
  const ks = `${(process.env.KEYSTONE_URL || 'http://127.0.0.1:5000').replace(/\/v3\/?$/, '')}/v3`;
  const gl = process.env.GLANCE_URL || 'http://127.0.0.1:9292';
  const res = await fetch(`${ks}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: {
      identity: { methods: ['password'], password: { user: { name: USER, domain: { id: 'default' }, password: PASSWORD } } },
      scope: { project: { name: project, domain: { id: 'default' } } } } }),
  });
  const token = res.headers.get('x-subject-token');
  const projectId = (await res.json()).token.project.id;
  let n = 0;
  let marker = null;
  for (;;) {
    const q = new URLSearchParams({ owner: projectId, limit: '1000' });
    if (marker) q.set('marker', marker);
    const page = await (await fetch(`${gl}/v2/images?${q}`, { headers: { 'X-Auth-Token': token, Accept: 'application/json' } })).json();
    n += page.images.length;
    if (!page.images.length || !page.next) return n;
    marker = page.images[page.images.length - 1].id;
  }
}

(async () => {
  const browser = await launch();
  const results = [];
  for (const project of PROJECTS) {
    const r = await benchProject(browser, project);
    r.owned = await ownedCount(project);
    results.push(r);
  }
  await browser.close();

  const fmt = (x) => x.toFixed(0).padStart(8);
  console.log(`\n${RUNS} navigations to ${BASE}/images per project (after 1 untimed warm-up load)` +
    `${process.env.WARM_START === 'off' ? ', warm start off' : ''}; load average ${loadAverage()}`);
  console.log('project    owned  | first row in DOM, ms: median      min | painted, ms: median      min | API req/load | rows');
  for (const r of results) {
    const dom = r.runs.map((x) => x.dom);
    const paint = r.runs.map((x) => x.painted);
    const reqs = [...new Set(r.runs.map((x) => x.requests))].join('/');
    console.log(`${r.project.padEnd(9)} ${String(r.owned).padStart(6)}  |                 ${fmt(median(dom))} ${fmt(Math.min(...dom))} |            ${fmt(median(paint))} ${fmt(Math.min(...paint))} | ${reqs.padStart(12)} | ${r.runs[0].rows}`);
  }
  const [a, b] = results;
  const ratio = (f) => median(b.runs.map(f)) / median(a.runs.map(f));
  console.log(`ratio ${b.project}/${a.project} (medians): first row in DOM ${ratio((x) => x.dom).toFixed(2)}, painted ${ratio((x) => x.painted).toFixed(2)}`);
  const PHASES = [
    ['html', 'HTML received'], ['jsWasmFetched', 'JS + wasm fetched'],
    ['configSent', 'config.json requested (preloaded: while the wasm loads)'], ['configDone', 'config.json answered'],
    ['mounted', 'wasm running (the app\'s first element in <body>)'],
    ['firstApiSent', 'first API request sent'], ['listSent', 'image list sent'],
    ['listDone', 'image list answered'], ['lastApiDone', 'last API answer'],
  ];
  for (const r of results) {
    const m = (k) => median(r.runs.map((x) => x.phases[k]));
    console.log(`\n${r.project}: where the time goes (medians, ms after navigation start)`);
    for (const [k, label] of PHASES) console.log(`  ${fmt(m(k))}  ${label}`);
    console.log(`  ${fmt(median(r.runs.map((x) => x.painted)))}  rows painted (two animation frames after the first row entered the DOM)`);
    console.log(`  ${fmt(m('rowPaint'))}  first row's name painted (Element Timing: the frame's presentation time)`);
    console.log(`  server time of the list request (sent → answered): ${m('listServer').toFixed(0)} ms; ` +
      `the app's own time (painted − that): ${m('appOwn').toFixed(0)} ms; ` +
      `by Element Timing (name painted − that): ${m('appOwnByPaint').toFixed(0)} ms`);
  }
  console.log(`\nper-run times (DOM ms): ${results.map((r) => `${r.project}: ${r.runs.map((x) => x.dom.toFixed(0)).join(', ')}`).join('; ')}`);
  for (const r of results) {
    const last = r.runs[r.runs.length - 1];
    console.log(`\nAPI requests of the last ${r.project} load (first row in DOM at ${last.dom.toFixed(0)} ms):\n  ${last.timing.join('\n  ')}`);
  }
  for (const r of results) console.log(`\nGlance list request (${r.project}): ${r.glanceUrl}`);
  for (const r of results) {
    const fetches = [...new Set(r.runs.map((x) => x.phases.configFetches))].join('/');
    const waited = r.runs.filter((x) => x.phases.listAfterKeystone !== 0).length;
    // Warm start (src/api/warm_start.rs): index.html sends the list request the app noted on
    // the previous load, so it goes out before the wasm runs.
    const early = r.runs.filter((x) => x.phases.listSent < x.phases.mounted).length;
    console.log(`${r.project}: loads whose list request was sent before the wasm ran (warm start): ${early} of ${r.runs.length}`);
    console.log(`${r.project}: config.json fetches per load ${fetches}; loads whose list request ` +
      `was sent after a Keystone answer: ${waited} of ${r.runs.length}`);
    if (waited) {
      console.error(`FAIL: ${r.project}: the image list waited for Keystone in ${waited} load(s)`);
      process.exitCode = 1;
    }
  }
  for (const r of results) {
    if (!r.glanceUrl || !/[?&]limit=25(&|$)/.test(r.glanceUrl)) {
      console.error(`\nFAIL: ${r.project}: no Glance list request with limit=25`);
      process.exitCode = 1;
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
