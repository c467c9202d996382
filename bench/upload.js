// Upload throughput: a 1 GiB raw image uploaded through the app's create page (one streaming
// XHR PUT of the File) versus `curl -T` of the same file to the same Glance URL, in the same
// run, plus the memory of the browser tab (and of Chromium's browser and network processes)
// while the upload runs. Headless Debian Chromium against the release build served by nginx
// (scripts/nginx.sh): the proxy site (the app calls /image/... through nginx) and the direct
// CORS site (the app calls Glance on its own origin, from the Keystone catalog).
//   node bench/upload.js
//   env: PROXY_URL (http://127.0.0.1:8081), CORS_URL (http://127.0.0.1:8082), SITES (proxy,cors),
//        RUNS (3), STACK_DIR (.stack: seed.json, and the scratch file under $STACK_DIR/bench),
//        BENCH_FILE ($STACK_DIR/bench/upload-1GiB.raw, made once with head -c 1G /dev/urandom),
//        SAMPLE_MS (100), CURL_EXPECT (unset: curl sends no "Expect: 100-continue"), CHROMIUM
// Every upload is checked afterwards at Glance (active, size, md5 and sha512 of the file) and
// the image is deleted. Prints a table at the end and writes bench/results/upload-*.json.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');
const { launch, login: logInForm } = require('./lib');

const REPO = path.resolve(__dirname, '..');
const STACK_DIR = path.resolve(process.env.STACK_DIR || path.join(REPO, '.stack'));
const RUNS = Number(process.env.RUNS || 3);
const SAMPLE_MS = Number(process.env.SAMPLE_MS || 100);
const FILE = path.resolve(process.env.BENCH_FILE || path.join(STACK_DIR, 'bench', 'upload-1GiB.raw'));
const SIZE = 1024 * 1024 * 1024;
const WANT_SITES = (process.env.SITES || 'proxy,cors').split(',');
const SITES = [
  { name: 'proxy', url: process.env.PROXY_URL || 'http://127.0.0.1:8081' },
  { name: 'cors', url: process.env.CORS_URL || 'http://127.0.0.1:8082' },
].filter((s) => WANT_SITES.includes(s.name));
const USER = 'alice';
const PASSWORD = 'alice-pass';
const PROJECT = 'alpha';
const NAME_PREFIX = 'bench-upload-';
const seed = JSON.parse(fs.readFileSync(path.join(STACK_DIR, 'seed.json'), 'utf8'));
const KEYSTONE = seed.keystone_url; // ends with /v3
const GLANCE = seed.glance_url; // direct, for checks and clean-up

const MB = 1e6;
const MiB = 1024 * 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// ---- Keystone / Glance, straight -------------------------------------------------------

async function login() {
  const res = await fetch(`${KEYSTONE}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: {
      identity: { methods: ['password'], password: { user: { name: USER, domain: { name: 'Default' }, password: PASSWORD } } },
      scope: { project: { name: PROJECT, domain: { name: 'Default' } } } } }),
  });
  if (res.status !== 201) throw new Error(`Keystone login: ${res.status} ${await res.text()}`);
  return { token: res.headers.get('x-subject-token'), body: await res.json() };
}

async function glance(token, method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Deletes images of ours left by an interrupted run (they hold 1 GiB each). */
async function deleteLeftovers(token) {
  const { json } = await glance(token, 'GET', `${GLANCE}/v2/images?limit=100&visibility=private`);
  for (const img of json.images.filter((i) => i.name && i.name.startsWith(NAME_PREFIX))) {
    const r = await glance(token, 'DELETE', `${GLANCE}/v2/images/${img.id}`);
    console.log(`deleted leftover ${img.name} (${img.id}, ${img.status}): ${r.status}`);
  }
}

/** Glance must hold exactly the file: active, 1 GiB, md5 and sha512 equal to ours. */
async function verify(token, id, hashes) {
  const { status, json: img } = await glance(token, 'GET', `${GLANCE}/v2/images/${id}`);
  const problems = [];
  if (status !== 200) problems.push(`GET image ${status}`);
  else {
    if (img.status !== 'active') problems.push(`status ${img.status}`);
    if (img.size !== SIZE) problems.push(`size ${img.size}`);
    if (img.checksum !== hashes.md5) problems.push(`md5 ${img.checksum}`);
    if (img.os_hash_algo === 'sha512' && img.os_hash_value !== hashes.sha512) problems.push('sha512 differs');
  }
  return { ok: problems.length === 0, text: problems.length ? problems.join(', ') : `active, ${img.size} B, md5+${img.os_hash_algo} match` };
}

/** The image endpoint the app will use on a site: config.json's override, else the catalog. */
async function imageBase(siteUrl, catalog) {
  const config = await (await fetch(`${siteUrl}/config.json`)).json();
  if (config.image_endpoint_override) return new URL(config.image_endpoint_override, `${siteUrl}/`).href.replace(/\/+$/, '');
  const svc = catalog.find((s) => s.type === 'image');
  const ep = svc.endpoints.find((e) => e.interface === (config.interface || 'public')
    && (!config.region_name || e.region_id === config.region_name || e.region === config.region_name));
  return ep.url.replace(/\/+$/, '');
}

// ---- the file ----------------------------------------------------------------------------

async function prepareFile() {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  if (!fs.existsSync(FILE) || fs.statSync(FILE).size !== SIZE) {
    const t = now();
    execFileSync('sh', ['-c', `head -c ${SIZE} /dev/urandom > "$1.part" && mv "$1.part" "$1"`, 'sh', FILE]);
    console.log(`made ${FILE} from /dev/urandom in ${((now() - t) / 1000).toFixed(1)} s`);
  }
  const st = fs.statSync(FILE);
  const cache = `${FILE}.hashes.json`;
  try {
    const c = JSON.parse(fs.readFileSync(cache, 'utf8'));
    if (c.size === st.size && c.mtimeMs === st.mtimeMs) return c;
  } catch (_) { /* compute */ }
  const h = { md5: crypto.createHash('md5'), sha256: crypto.createHash('sha256'), sha512: crypto.createHash('sha512') };
  for await (const chunk of fs.createReadStream(FILE, { highWaterMark: 4 * MiB })) for (const x of Object.values(h)) x.update(chunk);
  const c = { size: st.size, mtimeMs: st.mtimeMs, md5: h.md5.digest('hex'), sha256: h.sha256.digest('hex'), sha512: h.sha512.digest('hex') };
  fs.writeFileSync(cache, JSON.stringify(c));
  return c;
}

// ---- processes: /proc ----------------------------------------------------------------------

const TICK = 100; // USER_HZ on Linux
function procStat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch (_) { return null; }
}
function rssKiB(pid, field = 'VmRSS') {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch (_) { return 0; }
}
function descendants(root) {
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = procStat(d);
    if (!s) continue;
    if (!kids.has(s.ppid)) kids.set(s.ppid, []);
    kids.get(s.ppid).push(Number(d));
  }
  const out = [];
  const todo = [Number(root)];
  while (todo.length) {
    const p = todo.pop();
    out.push(p);
    todo.push(...(kids.get(p) || []));
  }
  return out;
}
const pidFile = (f) => { try { return Number(fs.readFileSync(f, 'utf8').trim()); } catch (_) { return null; } };
const tree = (f) => { const p = pidFile(f); return p ? descendants(p) : []; };
const glancePids = () => tree(path.join(STACK_DIR, 'glance.pid'));
const nginxPids = () => tree(path.join(STACK_DIR, 'nginx', 'nginx.pid'));
/** Whole-machine CPU ticks from /proc/stat: busy (incl. steal) and all. */
function sysTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const all = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: all - f[3] - f[4], all };
}
/** Cores busy between two sysTicks() readings, whole machine. */
const busyCores = (a, b, seconds) => (b.busy - a.busy) / TICK / seconds;
const cpuTicks = (pids) => pids.reduce((a, p) => a + ((procStat(p) || {}).ticks || 0), 0);

/** Chromium's processes (children of this node process), by kind. */
function chromiumProcs() {
  const out = [];
  for (const pid of descendants(process.pid)) {
    let exe;
    try { exe = fs.readlinkSync(`/proc/${pid}/exe`); } catch (_) { continue; }
    if (!exe.endsWith('/chromium')) continue; // the /usr/bin/chromium wrapper is /bin/dash
    // Child processes rewrite their title: arguments separated by spaces, not NULs.
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const type = (/ --type=(\S+)/.exec(cmd) || [null, 'browser'])[1];
    const sub = (/ --utility-sub-type=(\S+)/.exec(cmd) || [null, ''])[1];
    out.push({ pid, kind: sub === 'network.mojom.NetworkService' ? 'network' : (sub ? `${type}:${sub}` : type) });
  }
  return out;
}

/**
 * The renderer of this tab: the renderer whose CPU time grows while the page spins for a
 * second (clearly more than any other; retried, since a loaded machine may deschedule it).
 */
async function tabRenderer(page) {
  let grew = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const renderers = chromiumProcs().filter((p) => p.kind === 'renderer');
    const before = renderers.map((p) => procStat(p.pid).ticks);
    await page.evaluate(() => { const t = performance.now(); while (performance.now() - t < 1000); });
    grew = renderers.map((p, i) => ({ pid: p.pid, d: procStat(p.pid).ticks - before[i] })).sort((a, b) => b.d - a.d);
    if (grew.length && grew[0].d >= 10 && grew[0].d >= 3 * ((grew[1] || { d: 0 }).d + 1)) return { pid: grew[0].pid, renderers: renderers.length };
  }
  throw new Error(`cannot tell the tab's renderer: ${JSON.stringify(grew)}`);
}

/**
 * Samples every SAMPLE_MS: VmRSS (sum over each group's processes) and, with a CDP session
 * of the page, JSHeapUsedSize/JSHeapTotalSize (Performance.getMetrics) and the byte length of
 * the app's wasm memory. mark() labels the moment; window(a, b) gives the samples in between.
 */
class Sampler {
  constructor(groups, cdp) {
    this.groups = groups; // { label: () => pids }
    this.cdp = cdp;
    this.samples = [];
    this.marks = {};
    this.busy = false;
  }
  async refresh() { this.pids = Object.fromEntries(Object.entries(this.groups).map(([k, f]) => [k, f()])); }
  async start() {
    await this.refresh();
    this.refreshTimer = setInterval(() => this.refresh(), 2000); // e.g. curl's pid appears later
    this.timer = setInterval(() => this.tick(), SAMPLE_MS);
    await this.tick();
  }
  async tick() {
    if (this.busy) return;
    this.busy = true;
    try {
      const s = { t: now(), rss: {} };
      for (const [k, pids] of Object.entries(this.pids)) {
        s.rss[k] = pids.reduce((a, p) => a + rssKiB(p, k === 'tabAnon' ? 'RssAnon' : 'VmRSS'), 0);
      }
      if (this.cdp) {
        const { metrics } = await this.cdp.send('Performance.getMetrics');
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        s.heapUsed = m.JSHeapUsedSize;
        s.heapTotal = m.JSHeapTotalSize;
        const r = await this.cdp.send('Runtime.evaluate', { expression: 'window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null', returnByValue: true });
        s.wasm = r.result.value;
      }
      this.samples.push(s);
    } catch (_) { /* a process ended between listing and reading */ } finally { this.busy = false; }
  }
  mark(name) { this.marks[name] = now(); }
  stop() { clearInterval(this.timer); clearInterval(this.refreshTimer); }
  window(from, to) { return this.samples.filter((s) => s.t >= this.marks[from] && s.t <= this.marks[to]); }
  peak(from, to, f) { return Math.max(...this.window(from, to).map(f).filter((x) => x !== undefined)); }
  last(before, f) { const w = this.samples.filter((s) => s.t < this.marks[before]); return w.length ? f(w[w.length - 1]) : undefined; }
}

function syncDisk() { const t = now(); execFileSync('sync'); return now() - t; }

// ---- curl -------------------------------------------------------------------------------------

async function curlUpload(base, token, hashes) {
  const { status, json } = await glance(token, 'POST', `${base}/v2/images`, {
    name: `${NAME_PREFIX}curl-${Date.now()}`, disk_format: 'raw', container_format: 'bare', visibility: 'private' });
  if (status !== 201) throw new Error(`create for curl: ${status} ${JSON.stringify(json)}`);
  const id = json.id;
  const url = `${base}/v2/images/${id}/file`;
  try {
    const syncMs = syncDisk();
    await sleep(1000);
    let curlPid = null;
    const sampler = new Sampler({ curl: () => (curlPid ? descendants(curlPid) : []), glance: glancePids, nginx: nginxPids });
    await sampler.start();
    const cpu0 = { glance: cpuTicks(sampler.pids.glance), nginx: cpuTicks(sampler.pids.nginx) };
    const args = ['-f', 'RUSAGE %e %U %S %M', 'curl', '-sS', '-o', '/dev/null',
      '-w', 'CURL %{http_code} %{time_total} %{speed_upload} %{size_upload}\n',
      '-T', FILE, '-H', 'Content-Type: application/octet-stream', '-H', `X-Auth-Token: ${token}`];
    // curl sends "Expect: 100-continue" for a body this large; uwsgi's HTTP router (Glance
    // direct) never answers it, so curl would wait 1 s before sending. Browsers never send it.
    if (!process.env.CURL_EXPECT) args.push('-H', 'Expect:');
    args.push(url);
    sampler.mark('start');
    const sys0 = sysTicks();
    const t0 = now();
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    curlPid = child.pid;
    await sampler.refresh();
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const code = await new Promise((r) => child.on('close', r));
    const wallMs = now() - t0;
    const sys1 = sysTicks();
    sampler.mark('end');
    const cpu = { glance: cpuTicks(sampler.pids.glance) - cpu0.glance, nginx: cpuTicks(sampler.pids.nginx) - cpu0.nginx };
    sampler.stop();
    const m = /CURL (\d+) ([\d.]+) ([\d.]+) (\d+)/.exec(out);
    const ru = /RUSAGE ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(out);
    if (code !== 0 || !m || m[1] !== '204') throw new Error(`curl exit ${code}: ${out}`);
    const check = await verify(token, id, hashes);
    const machine = busyCores(sys0, sys1, wallMs / 1000);
    const ours = ((ru ? Number(ru[2]) + Number(ru[3]) : 0) + cpu.glance / TICK + cpu.nginx / TICK) / (wallMs / 1000);
    return {
      url, syncMs, wallMs, busyCores: machine, otherCores: machine - ours, http: Number(m[1]), seconds: Number(m[2]), bytes: Number(m[4]),
      mbps: Number(m[4]) / Number(m[2]) / MB,
      cpuS: { curl: ru ? Number(ru[2]) + Number(ru[3]) : null, glance: cpu.glance / TICK, nginx: cpu.nginx / TICK },
      rssPeakMiB: { curl: ru ? Number(ru[4]) / 1024 : null, glance: sampler.peak('start', 'end', (s) => s.rss.glance) / 1024 },
      check,
    };
  } finally {
    await glance(token, 'DELETE', `${GLANCE}/v2/images/${id}`);
  }
}

// ---- the app --------------------------------------------------------------------------------

// Runs in the page before the app: times the image-data PUT from send() to loadend, counts
// upload progress events, notes the Create-and-upload click and keeps the app's wasm memory.
const PROBE = () => {
  const b = (window.__up = {});
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory; });
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__benchReq = { method, url: new URL(url, location.href).href };
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    const r = this.__benchReq;
    if (r && r.method === 'PUT' && /\/v2\/images\/[^/]+\/file$/.test(r.url)) {
      const x = (b.xhr = { url: r.url, bodySize: body && body.size, send: performance.now(), progress: 0, maxGap: 0 });
      this.upload.addEventListener('progress', (e) => {
        const t = performance.now();
        if (x.firstProgress === undefined) x.firstProgress = t; else x.maxGap = Math.max(x.maxGap, t - x.lastProgress);
        x.lastProgress = t;
        x.loaded = e.loaded;
        x.progress += 1;
      });
      this.upload.addEventListener('load', () => { x.uploadLoad = performance.now(); });
      this.addEventListener('loadend', () => { x.loadend = performance.now(); x.status = this.status; });
    }
    return send.call(this, body);
  };
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('button[type=submit]')) b.click = performance.now();
  }, true);
};

async function uiUpload(browser, site, base, token, hashes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let id = null;
  try {
    await logInForm(page, PROJECT, { user: USER, password: PASSWORD, base: site.url });
    await page.goto(`${site.url}/images/new`);
    const name = `${NAME_PREFIX}ui-${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Disk format').selectOption('raw');
    await page.getByLabel('Container format').selectOption('bare');
    await page.getByLabel('Image file').setInputFiles(FILE);
    // Where the cloud offers interoperable import the form asks how to send the data: a plain
    // upload (PUT /file) is the default; choose it explicitly when the choice is shown.
    const plain = page.getByRole('radio', { name: 'Upload the file' });
    if (await plain.isVisible()) await plain.check();
    const tab = await tabRenderer(page);
    const syncMs = syncDisk();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const groups = {
      tab: () => [tab.pid],
      tabAnon: () => [tab.pid],
      browser: () => chromiumProcs().filter((p) => p.kind === 'browser').map((p) => p.pid),
      network: () => chromiumProcs().filter((p) => p.kind === 'network').map((p) => p.pid),
      chromium: () => chromiumProcs().map((p) => p.pid),
      glance: glancePids,
      nginx: nginxPids,
    };
    const sampler = new Sampler(groups, cdp);
    await sampler.start();
    await sleep(2000); // baseline
    const p = sampler.pids;
    const cpu0 = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, cpuTicks(v)]));
    sampler.mark('click');
    const sys0 = sysTicks();
    await page.getByRole('button', { name: 'Create image' }).click();
    const done = page.locator('.create-image__status [role=status] a');
    const failed = page.locator('.create-image__status [role=alert]');
    await done.or(failed).first().waitFor({ timeout: 15 * 60 * 1000 });
    sampler.mark('end');
    const sys1 = sysTicks();
    const cpu = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, (cpuTicks(v) - cpu0[k]) / TICK]));
    const spanS = (sampler.marks.end - sampler.marks.click) / 1000;
    const machine = busyCores(sys0, sys1, spanS);
    const ours = (cpu.chromium + cpu.glance + cpu.nginx) / spanS;
    await sleep(1000);
    sampler.mark('after');
    sampler.stop();
    await sleep(SAMPLE_MS * 2); // let a running tick finish

    const probe = await page.evaluate(() => window.__up);
    const x = probe.xhr || {};
    if (await failed.count()) {
      const text = await failed.first().innerText();
      const href = await page.locator('.create-image__status a').first().getAttribute('href').catch(() => null);
      id = href && href.split('/').pop();
      throw new Error(`the app reported a failed upload: ${text.replace(/\s+/g, ' ')}`);
    }
    id = (await done.getAttribute('href')).split('/').pop();
    if (!x.url || !x.url.startsWith(`${base}/v2/images/`)) throw new Error(`upload went to ${x.url}, expected ${base}/v2/images/…`);
    const check = await verify(token, id, hashes);

    const mem = (k) => ({ base: sampler.last('click', (s) => s.rss[k]) / 1024, peak: sampler.peak('click', 'end', (s) => s.rss[k]) / 1024 });
    const heap = (f) => ({ base: sampler.last('click', f) / MiB, peak: sampler.peak('click', 'end', f) / MiB });
    const win = sampler.window('click', 'end');
    return {
      url: x.url, syncMs, renderers: tab.renderers, tabPid: tab.pid, status: x.status, bodySize: x.bodySize,
      // send() → loadend: the whole PUT, comparable with curl's time_total.
      seconds: (x.loadend - x.send) / 1000,
      mbps: SIZE / ((x.loadend - x.send) / 1000) / MB,
      firstProgressMs: x.firstProgress - x.send,
      fromFirstProgressMbps: SIZE / ((x.loadend - x.firstProgress) / 1000) / MB,
      bodySentS: (x.uploadLoad - x.send) / 1000, // upload 'load': request body handed over
      responseAfterBodyMs: x.loadend - x.uploadLoad,
      progressEvents: x.progress, maxProgressGapMs: x.maxGap,
      clickToSendMs: x.send - probe.click,
      clickToLinkS: (sampler.marks.end - sampler.marks.click) / 1000,
      samples: win.length, sampleSpanS: win.length ? (win[win.length - 1].t - win[0].t) / 1000 : 0,
      mem: { tab: mem('tab'), tabAnon: mem('tabAnon'), browser: mem('browser'), network: mem('network'), chromium: mem('chromium'), glance: mem('glance') },
      heapUsed: heap((s) => s.heapUsed), heapTotal: heap((s) => s.heapTotal), wasm: heap((s) => s.wasm),
      cpuS: cpu, busyCores: machine, otherCores: machine - ours,
      check, errors,
    };
  } finally {
    if (id) await glance(token, 'DELETE', `${GLANCE}/v2/images/${id}`);
    await context.close();
  }
}

// ---- main -------------------------------------------------------------------------------------

const f1 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(1));
const f0 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(0));

(async () => {
  console.log(`upload benchmark ${new Date().toISOString()}  host ${os.hostname()}  ${os.cpus().length} cores  load ${loadavg()}`);
  const hashes = await prepareFile();
  console.log(`file ${FILE}\n  size ${hashes.size} B  sha256 ${hashes.sha256}  md5 ${hashes.md5}`);
  const { token, body } = await login();
  await deleteLeftovers(token);
  const browser = await launch();
  console.log(`Chromium ${browser.version()}; Glance ${GLANCE}; Keystone ${KEYSTONE}`);
  const bases = {};
  for (const site of SITES) {
    bases[site.name] = await imageBase(site.url, body.token.catalog);
    console.log(`site ${site.name}: app ${site.url}, image endpoint ${bases[site.name]}`);
  }
  const results = [];
  let failures = 0;
  for (let run = 1; run <= RUNS; run++) {
    for (const site of SITES) {
      const base = bases[site.name];
      const r = { run, site: site.name, loadBefore: loadavg() };
      // Alternate which goes first, so neither always meets the other's disk write-back.
      const order = run % 2 ? ['curl', 'ui'] : ['ui', 'curl'];
      for (const what of order) {
        try {
          if (what === 'curl') r.curl = await curlUpload(base, token, hashes);
          else r.ui = await uiUpload(browser, site, base, token, hashes);
        } catch (e) {
          r[`${what}Error`] = String(e.message || e);
          failures += 1;
        }
      }
      r.loadAfter = loadavg();
      results.push(r);
      printRun(r);
    }
  }
  await browser.close();
  printSummary(results);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  const out = path.join(__dirname, 'results', `upload-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ file: FILE, hashes: { sha256: hashes.sha256, md5: hashes.md5 }, sites: bases, results }, null, 2));
  console.log(`\nraw figures: ${path.relative(REPO, out)}`);
  for (const r of results) for (const k of ['curl', 'ui']) if (r[k] && !r[k].check.ok) failures += 1;
  if (failures) { console.error(`\nFAIL: ${failures} upload(s) failed or did not verify`); process.exitCode = 1; }
})().catch((e) => { console.error(e); process.exit(1); });

function printRun(r) {
  console.log(`\n== run ${r.run}, ${r.site} site (load ${r.loadBefore} → ${r.loadAfter})`);
  if (r.curlError) console.log(`  curl FAILED: ${r.curlError}`);
  if (r.curl) {
    const c = r.curl;
    console.log(`  curl  PUT ${c.url}`);
    console.log(`        ${c.bytes} B in ${c.seconds.toFixed(2)} s = ${c.mbps.toFixed(1)} MB/s; CPU s: curl ${f1(c.cpuS.curl)}, glance ${f1(c.cpuS.glance)}, nginx ${f1(c.cpuS.nginx)}; machine busy ${c.busyCores.toFixed(2)} cores, other processes ${c.otherCores.toFixed(2)}; ${c.check.text}`);
  }
  if (r.uiError) console.log(`  UI FAILED: ${r.uiError}`);
  if (r.ui) {
    const u = r.ui;
    console.log(`  UI    PUT ${u.url} (HTTP ${u.status}, body ${u.bodySize} B)`);
    console.log(`        send→loadend ${u.seconds.toFixed(2)} s = ${u.mbps.toFixed(1)} MB/s (from 1st progress event ${u.fromFirstProgressMbps.toFixed(1)} MB/s, 1st event after ${f0(u.firstProgressMs)} ms); body sent at ${u.bodySentS.toFixed(2)} s, response ${f0(u.responseAfterBodyMs)} ms later`);
    console.log(`        click→PUT sent ${f0(u.clickToSendMs)} ms; click→"Open the image" link ${u.clickToLinkS.toFixed(2)} s; ${u.progressEvents} progress events (max gap ${f0(u.maxProgressGapMs)} ms); ${u.check.text}`);
    const m = (k) => `${f0(u.mem[k].base)} → ${f0(u.mem[k].peak)}`;
    console.log(`        RSS MiB baseline → peak: tab renderer ${m('tab')} (RssAnon ${m('tabAnon')}) | browser ${m('browser')} | network service ${m('network')} | all Chromium ${m('chromium')} | glance ${m('glance')}`);
    console.log(`        tab JS heap used ${f1(u.heapUsed.base)} → ${f1(u.heapUsed.peak)} MiB (total ${f1(u.heapTotal.base)} → ${f1(u.heapTotal.peak)}); wasm memory ${f1(u.wasm.base)} → ${f1(u.wasm.peak)} MiB; ${u.samples} samples over ${u.sampleSpanS.toFixed(1)} s`);
    console.log(`        CPU s during upload: tab ${f1(u.cpuS.tab)}, browser ${f1(u.cpuS.browser)}, network ${f1(u.cpuS.network)}, all Chromium ${f1(u.cpuS.chromium)}, glance ${f1(u.cpuS.glance)}, nginx ${f1(u.cpuS.nginx)}; machine busy ${u.busyCores.toFixed(2)} cores (click→link), other processes ${u.otherCores.toFixed(2)}`);
    if (u.errors.length) console.log(`        page errors: ${u.errors.join(' | ')}`);
  }
  if (r.curl && r.ui) console.log(`  ratio UI/curl ${(r.ui.mbps / r.curl.mbps).toFixed(2)}`);
}

function printSummary(results) {
  console.log('\nrun site  | curl MB/s | UI MB/s | UI/curl | click→link s | tab RSS MiB base→peak | JS heap used MiB | wasm MiB | network svc RSS peak | browser RSS peak | other procs, cores curl/UI | load before');
  for (const r of results) {
    const c = r.curl; const u = r.ui;
    console.log([
      `${String(r.run).padStart(3)} ${r.site.padEnd(5)}`,
      (c ? c.mbps.toFixed(1) : 'FAIL').padStart(9),
      (u ? u.mbps.toFixed(1) : 'FAIL').padStart(7),
      (c && u ? (u.mbps / c.mbps).toFixed(2) : '—').padStart(7),
      (u ? u.clickToLinkS.toFixed(1) : '—').padStart(12),
      (u ? `${f0(u.mem.tab.base)} → ${f0(u.mem.tab.peak)}` : '—').padStart(21),
      (u ? `${f1(u.heapUsed.base)} → ${f1(u.heapUsed.peak)}` : '—').padStart(16),
      (u ? `${f1(u.wasm.base)} → ${f1(u.wasm.peak)}` : '—').padStart(8),
      (u ? f0(u.mem.network.peak) : '—').padStart(20),
      (u ? f0(u.mem.browser.peak) : '—').padStart(16),
      `${c ? c.otherCores.toFixed(2) : '—'} / ${u ? u.otherCores.toFixed(2) : '—'}`.padStart(25),
      ` ${r.loadBefore}`,
    ].join(' | '));
  }
}
