// Session work done once: the API requests the app makes on catalog → detail → catalog, with
// in-app navigation (clicking links, as a user does). Each step should ask only for its own
// page's data (the image list; the image and its members), never again for what belongs to
// the session (Keystone's project list, the invitation count).
//   node bench/navigation.js         env: APP_URL (http://127.0.0.1:8081), CHROMIUM
// Logs in as the seeded owner `alice` (scripts/seed.py) through the app's login form.
const { BASE, launch, login } = require('./lib');

const USER = process.env.BENCH_USER || 'alice';
const PASSWORD = process.env.BENCH_PASSWORD || 'alice-pass';
const PROJECT = process.env.BENCH_PROJECT || 'alpha';

/** A request as printed: method and path with the query cut short. */
const shown = (r) => {
  const u = new URL(r.url());
  return `${r.method().padEnd(6)} ${u.pathname}${u.search.slice(0, 50)}`;
};
/** Session-wide requests: Keystone's project list and the invitation badge's list. */
const sessionWide = (line) => /\/v3\/(auth\/projects|users\/[^/]+\/projects)/.test(line)
  || /member_status=pending/.test(line);

(async () => {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let requests = [];
  let modules = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/image/') || p.startsWith('/identity/')) requests.push(shown(r));
  });
  // The split-off page code (release build): which wasm modules each step fetched, and bytes.
  page.on('response', async (r) => {
    const p = new URL(r.url()).pathname;
    if (!/\/(split_|chunk_)[^/]*\.wasm$/.test(p)) return;
    const entry = { path: p, bytes: Number(r.headers()['content-length'] || 0) };
    modules.push(entry);
    if (!entry.bytes) entry.bytes = (await r.body().catch(() => Buffer.alloc(0))).length;
  });

  await login(page, PROJECT, { user: USER, password: PASSWORD });
  await page.locator('.image-row').first().waitFor();
  await page.waitForLoadState('networkidle');
  const atLogin = requests;

  const steps = [];
  const step = async (name, act) => {
    requests = [];
    modules = [];
    const started = Date.now();
    await act();
    const shownAfter = Date.now() - started;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500); // anything the page starts after idle
    steps.push({ name, requests, modules, shownAfter });
  };
  await step('catalog → detail', async () => {
    await page.locator('.image-row a').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
  await step('detail → catalog', async () => {
    await page.getByRole('link', { name: /Back to (the )?(catalog|images)/i }).first().click();
    await page.locator('.image-row').first().waitFor();
  });
  await browser.close();

  console.log(`\nlogin → catalog: ${atLogin.length} API requests\n  ${atLogin.join('\n  ')}`);
  let repeated = 0;
  for (const s of steps) {
    const again = s.requests.filter(sessionWide);
    repeated += again.length;
    console.log(`\n${s.name}: ${s.requests.length} API requests, ${again.length} session-wide\n  ${s.requests.join('\n  ')}`);
    const kb = s.modules.reduce((n, m) => n + m.bytes, 0) / 1024;
    console.log(`  page shown after ${s.shownAfter} ms; page code fetched: ${s.modules.length} modules, ${kb.toFixed(1)} KB as sent`);
  }
  console.log(`\nsession-wide requests repeated on navigation: ${repeated}`);
  if (repeated > 0) process.exitCode = 1;
})().catch((e) => { console.error(e); process.exit(1); });
