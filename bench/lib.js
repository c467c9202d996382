// What the sharing benchmarks share: the app's login form as the benchmark user, the
// machine's load average and a median.
const path = require('path');
const fs = require('fs');
// Chromium is launched as the screenshot tools do (same flags as the e2e runs).
const { launch } = require(path.join(__dirname, '../tests/e2e/tools/launch'));

const BASE = process.env.APP_URL || 'http://127.0.0.1:8081';

/** Logs in through the app's form as the benchmark user (scripts/seed_bulk.py) in `project`. */
async function login(page, project) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('User name').fill('bencher');
  await page.getByLabel('Password', { exact: true }).fill('bencher-pass');
  await page.getByLabel('Project', { exact: true }).fill(project);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

module.exports = { BASE, launch, login, loadAverage, median };
