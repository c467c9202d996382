// Shared by the screenshot tools: launches Debian's headless Chromium the way the e2e config
// does, and logs a seeded user in through the app's form (English or Chinese labels).
const { chromium } = require('@playwright/test');
const { seed } = require('../lib/stack');

/** The app's address (scripts/nginx.sh serves it there). */
const BASE = process.env.APP_URL || 'http://127.0.0.1:8081';

/** Headless Chromium, with the flags the e2e runs use. */
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Logs `who` (a seeded user) in from the login page, in either language. */
async function logIn(page, who, project) {
  const u = seed.users[who];
  await page.goto(`${BASE}/login`);
  await page.getByLabel(/^(User name|用户名)$/).fill(u.name);
  await page.getByLabel(/^(Password|密码)$/).fill(u.password);
  await page.getByLabel(/^(Project|项目)$/).fill(project || u.projects[0]);
  await page.getByRole('button', { name: /^(Log in|登录)$/ }).click();
  // Attached, not visible: on a narrow window the user's name is inside the header's menu.
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

module.exports = { BASE, launch, logIn, seed };
