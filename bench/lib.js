// What the sharing benchmarks share: the app's login form as the benchmark user, the
// machine's load average and a median.
const path = require('path');
const fs = require('fs');
// Chromium is launched as the screenshot tools do (same flags as the e2e runs).
const { launch } = require(path.join(__dirname, '../tests/e2e/tools/launch'));

const BASE = process.env.APP_URL || 'http://127.0.0.1:8081';

/**
 * Logs in through the app's login form in `project`, by default as the benchmark user of
 * scripts/seed_bulk.py on the site at BASE.
 */
async function login(page, project, { user = 'bencher', password = 'bencher-pass', base = BASE } = {}) {
  await page.goto(`${base}/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Project', { exact: true }).fill(project);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

module.exports = { BASE, launch, login, loadAverage, median };
