// axe-core over a screen of the app: counts its violations by impact, prints one line per
// screen ("axe: <screen>: N serious, M critical, K other") and appends it to axe-summary.txt,
// which scripts/test.sh prints after the e2e output (the list reporter's tail may cut it).
const fs = require('fs');
const path = require('path');
const axe = require('@axe-core/playwright');
const { expect } = require('@playwright/test');

const AxeBuilder = axe.AxeBuilder || axe.default || axe;
const SUMMARY = path.resolve(__dirname, '../axe-summary.txt');

// The runner process (parent of every worker) marks whose run the summary file belongs to:
// a worker restarted after a failure goes on appending to it, a new run starts it afresh.
const RUN = `# run ${process.ppid}`;

/** Starts a fresh summary file unless it already belongs to this run (call in beforeAll). */
function resetSummary() {
  let first = '';
  try { first = fs.readFileSync(SUMMARY, 'utf8').split('\n')[0]; } catch (_) { /* none yet */ }
  if (first !== RUN) fs.writeFileSync(SUMMARY, `${RUN}\n`);
}

/**
 * Runs axe over the whole page as it is now, records the counts for `screen` and fails the
 * test (softly, so every screen is still checked) on any serious or critical violation,
 * naming the rule and the elements.
 */
async function checkScreen(page, screen) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const count = (impact) => violations.filter((v) => v.impact === impact).length;
  const serious = count('serious');
  const critical = count('critical');
  const other = violations.length - serious - critical;
  const line = `axe: ${screen}: ${serious} serious, ${critical} critical, ${other} other`
    + (other ? ` (${violations.filter((v) => !['serious', 'critical'].includes(v.impact)).map((v) => v.id).join(', ')})` : '');
  console.log(line);
  fs.appendFileSync(SUMMARY, `${line}\n`);
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect.soft(bad, `serious or critical axe violations on "${screen}"`).toEqual([]);
}

module.exports = { checkScreen, resetSummary };
