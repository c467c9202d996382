// Sharing one image with 100 projects: through the app ("Share with projects…" on My images,
// 5 requests in flight) against a sequential curl loop (one POST /v2/images/{id}/members per
// project), same stack, same token, same proxy. Seed first: scripts/seed_projects.py.
//   node bench/share-many.js     env: APP_URL (http://127.0.0.1:8081), GLANCE_URL (direct Glance,
//                                for checks and cleaning), RUNS (3), CHROMIUM, STACK_DIR (.stack)
// Every run starts with no members on the image and is checked at Glance afterwards (100 members,
// all pending); members are removed again between the two ways and after the last run.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { BASE, launch, login, loadAverage: load, median } = require('./lib');

const GLANCE = process.env.GLANCE_URL || 'http://127.0.0.1:9292';
const RUNS = Number(process.env.RUNS || 3);
const STACK_DIR = process.env.STACK_DIR || path.join(__dirname, '../.stack');
const seed = JSON.parse(fs.readFileSync(path.join(STACK_DIR, 'bench-sharing.json'), 'utf8'));
const IMAGE = seed.share_image;
const PEERS = seed.peers;

async function members(token) {
  const r = await fetch(`${GLANCE}/v2/images/${IMAGE}/members`, { headers: { 'X-Auth-Token': token, Accept: 'application/json' } });
  if (r.status !== 200) throw new Error(`members: ${r.status} ${await r.text()}`);
  return (await r.json()).members;
}

/** Removes every member of the image, one at a time (not timed). */
async function clean(token) {
  for (const m of await members(token)) {
    const r = await fetch(`${GLANCE}/v2/images/${IMAGE}/members/${m.member_id}`, { method: 'DELETE', headers: { 'X-Auth-Token': token } });
    if (r.status !== 204) throw new Error(`clean ${m.member_id}: ${r.status}`);
  }
  if ((await members(token)).length) throw new Error('members left after cleaning');
}

/** Fails unless Glance holds exactly the 100 projects, pending. */
async function check(token, what) {
  const got = await members(token);
  const ids = new Set(got.map((m) => m.member_id));
  if (got.length !== PEERS.length || !PEERS.every((p) => ids.has(p)) || got.some((m) => m.status !== 'pending')) {
    throw new Error(`${what}: Glance holds ${got.length} members, expected the ${PEERS.length} projects pending`);
  }
}

/** The sequential loop, in one bash process: one curl per project; returns ms and HTTP codes. */
function curlLoop(token, base) {
  const script = 'for p in $PEERS; do curl -s -o /dev/null -w "%{http_code}\\n" -X POST '
    + '-H "X-Auth-Token: $TOKEN" -H "Content-Type: application/json" -H "Accept: application/json" '
    + '-d "{\\"member\\": \\"$p\\"}" "$URL"; done';
  const t0 = process.hrtime.bigint();
  const out = execFileSync('bash', ['-c', script], {
    env: { ...process.env, PEERS: PEERS.join(' '), TOKEN: token, URL: `${base}/v2/images/${IMAGE}/members` },
  }).toString();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const codes = out.trim().split('\n');
  if (codes.length !== PEERS.length || codes.some((c) => c !== '200')) throw new Error(`curl codes: ${[...new Set(codes)].join(',')}`);
  return ms;
}


(async () => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let token = null;
  let posts = 0;
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/image/')) token = r.headers()['x-auth-token'] || token;
    if (r.method() === 'POST' && p.endsWith(`/v2/images/${IMAGE}/members`)) posts += 1;
  });
  await login(page, 'benchshare');
  await page.goto(`${BASE}/images`);
  await page.getByLabel('Select bench-share-one').waitFor();
  if (!token) throw new Error('no token seen on the app\'s Glance requests');

  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await clean(token);
    const before = load();
    // The app: select the image, open the dialog, paste the 100 ids; timed from the click on
    // Share to the 100th result line (results are shown when the last answer is in).
    await page.getByLabel('Select bench-share-one').check();
    await page.getByRole('button', { name: 'Share with projects…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share 1 image with projects' });
    await dialog.getByLabel(/Project IDs or names/).fill(PEERS.join('\n'));
    posts = 0;
    const t0 = await page.evaluate(() => performance.now());
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    const t1 = await page.waitForFunction((n) => {
      const items = document.querySelectorAll('.share-many li');
      return items.length >= n && performance.now();
    }, PEERS.length, { polling: 'raf', timeout: 300_000 });
    const app = (await t1.jsonValue()) - t0;
    const ok = await dialog.getByRole('listitem').filter({ hasText: 'added (pending)' }).count();
    if (ok !== PEERS.length) throw new Error(`app: ${ok} lines say added`);
    await check(token, 'app');
    const appPosts = posts;
    await page.keyboard.press('Escape');
    await page.getByLabel('Select bench-share-one').uncheck();

    await clean(token);
    const proxied = curlLoop(token, `${BASE}/image`);
    await check(token, 'curl via proxy');
    await clean(token);
    const direct = curlLoop(token, GLANCE);
    await check(token, 'curl direct');
    runs.push({ app, appPosts, proxied, direct, load: `${before} → ${load()}` });
    console.log(`run ${i + 1}: app ${app.toFixed(0)} ms (${appPosts} POSTs), curl loop via proxy ${proxied.toFixed(0)} ms, `
      + `direct ${direct.toFixed(0)} ms; curl/app ${(proxied / app).toFixed(2)} (proxy), ${(direct / app).toFixed(2)} (direct); load avg ${runs[i].load}`);
  }
  await clean(token);
  await browser.close();
    const m = (k) => median(runs.map((r) => r[k]));
  console.log(`\n${PEERS.length} projects, ${RUNS} runs, medians: app ${m('app').toFixed(0)} ms, curl via proxy ${m('proxied').toFixed(0)} ms, `
    + `curl direct ${m('direct').toFixed(0)} ms; app is ${(m('proxied') / m('app')).toFixed(2)}× the speed of the curl loop through the same proxy`);
})().catch((e) => { console.error(e); process.exit(1); });
