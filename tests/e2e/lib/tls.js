// The HTTPS sites of scripts/nginx.sh (ports from scripts/env.sh), and a Chromium that trusts
// exactly their certificate: --ignore-certificate-errors-spki-list admits only a chain holding
// that public key, so every other certificate is still checked (a test proves it).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const config = require('../playwright.config.js');

const STACK_DIR = process.env.STACK_DIR || path.resolve(__dirname, '../../../.stack');
const NGINX_DIR = path.join(STACK_DIR, 'nginx');
const port = (name, fallback) => Number(process.env[name] || fallback);

const TLS_URL = `https://127.0.0.1:${port('TLS_PORT', 8084)}`;
const REDIRECT_URL = `http://127.0.0.1:${port('TLS_REDIRECT_PORT', 8085)}`;
const ROGUE_SITE_URL = `https://127.0.0.1:${port('TLS_ROGUE_SITE_PORT', 8088)}`;
const ROGUE_UPSTREAM_URL = `https://127.0.0.1:${port('TLS_ROGUE_UPSTREAM_PORT', 8087)}`;

/** base64 SHA-256 of the site certificate's public key, as Chromium's flag wants it. */
function spkiHash() {
  const pem = fs.readFileSync(path.join(NGINX_DIR, 'tls/server.pem'), 'utf8');
  const spki = new crypto.X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('base64');
}

/** Launch options for `test.use`: the suite's own, plus trust in the test sites' key. */
const trustTestCa = {
  launchOptions: {
    ...config.use.launchOptions,
    args: [...config.use.launchOptions.args, `--ignore-certificate-errors-spki-list=${spkiHash()}`],
  },
};

/** Lines nginx logged after `mark` (a byte offset from `logSize`). */
const logFile = (name) => path.join(NGINX_DIR, 'logs', name);
const logSize = (name) => (fs.existsSync(logFile(name)) ? fs.statSync(logFile(name)).size : 0);
const logSince = (name, mark) => fs.readFileSync(logFile(name)).subarray(mark).toString('utf8');

module.exports = { TLS_URL, REDIRECT_URL, ROGUE_SITE_URL, ROGUE_UPSTREAM_URL, trustTestCa, logSize, logSince };
