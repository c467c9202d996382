// Moving through the app like a keyboard-only user: Tab until a control has focus, and
// questions about where focus is now.
const { expect } = require('@playwright/test');

/** True when `locator`'s element has keyboard focus. */
const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. Only the
 * keyboard moves focus here.
 */
async function tabTo(page, locator, { max = 80, back = false } = {}) {
  await expect(locator).toBeVisible();
  for (let i = 0; i < max; i += 1) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus did not reach ${locator} after ${max} presses of Tab`);
}

/** A short description of the focused element (tag, role, name, class), for assertions. */
function focusedInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      label: el.getAttribute('aria-label'),
      text: (el.textContent || '').trim().slice(0, 200),
      className: el.className,
    };
  });
}

/** Waits until focus is on `locator` (after an action, focus may move a moment later). */
async function expectFocused(locator, message) {
  const where = async () => ((await isFocused(locator)) ? 'there' : `elsewhere: ${JSON.stringify(await focusedInfo(locator.page()))}`);
  await expect.poll(where, { message: message || `focus on ${locator}` }).toBe('there');
}

module.exports = { tabTo, isFocused, focusedInfo, expectFocused };
