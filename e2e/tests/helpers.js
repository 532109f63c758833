// Shared helpers for the browser end-to-end tests.
//
// The tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core; no
// browser is ever downloaded. They expect a running server at BASE_URL whose demo users
// all have the password E2E_PASSWORD (see ../run.sh, which starts one).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const PASSWORD = process.env.E2E_PASSWORD || process.env.ANKOMMEN_DEMO_PASSWORD || '';
if (!PASSWORD) {
  throw new Error('set E2E_PASSWORD (the demo users\' password) — or use e2e/run.sh');
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = join(here, '..', 'screenshots');
export const DOCS_SCREENSHOT_DIR = join(here, '..', '..', 'docs', 'screenshots');

/** The migration centre, as its option label starts in the organisation select. */
export const MIGRATION_CENTRE = 'Migrationszentrum Landkreis Osnabrück';

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser context (own cookies). German browser by default, so pages that
 * follow Accept-Language are German unless a test asks otherwise.
 */
export async function newContext(browser, options = {}) {
  const ctx = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(20_000);
  return ctx;
}

/** A user name unique to this run, so the tests also work against a reused database. */
export function uniqueName(prefix) {
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36);
  return `${prefix}.${stamp}`;
}

/** Logs in through the form and waits until the dashboard is shown. */
export async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/', { waitUntil: 'load' }),
    page.click('form[action^="/login"] button[type="submit"]'),
  ]);
  assert.equal(new URL(page.url()).pathname, '/', `login as ${username} should land on the dashboard`);
}

/** Logs out with the header's button and waits for the login page. */
export async function logout(page) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/login', { waitUntil: 'load' }),
    page.click('form[action="/logout"] button'),
  ]);
}

/**
 * Fills and submits the new-user form (the page must already show /admin/users/new).
 * `org` is matched against the option labels; a string selects the first option whose
 * label starts with it.
 */
export async function fillUserForm(page, { username, displayName, email, role, org, locale, password }) {
  if (username !== undefined) await page.fill('#username', username);
  if (displayName !== undefined) await page.fill('#display_name', displayName);
  if (email !== undefined) await page.fill('#email', email);
  if (role !== undefined) await page.selectOption('#role', role);
  if (org !== undefined) {
    const value = await orgOptionValue(page, org);
    await page.selectOption('#org_id', value);
  }
  if (locale !== undefined) await page.selectOption('#locale', locale);
  if (password !== undefined) await page.fill('#password', password);
}

export async function orgOptionValue(page, labelPrefix) {
  const options = await page.locator('#org_id option').evaluateAll((os) =>
    os.map((o) => ({ value: o.value, label: (o.textContent || '').trim() })),
  );
  const hit = options.find((o) => o.value && o.label.startsWith(labelPrefix));
  assert.ok(hit, `no organisation option starting with "${labelPrefix}" in ${JSON.stringify(options.map((o) => o.label))}`);
  return hit.value;
}

/** Clicks a submit button and waits until the page that the POST answered with has loaded. */
export async function submitAndWait(page, selector) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await page.click(selector);
  await navigated;
  await page.waitForLoadState('load');
}

/** Submits the new-user / edit-user form and waits for the answer page. */
export async function submitUserForm(page) {
  await submitAndWait(page, 'form.card button.primary[type="submit"]');
}

/**
 * Saves e2e/screenshots/NAME.png. `fit: true` crops the picture to the page's content
 * (down to the footer), so short pages do not end in a large empty area.
 */
export async function screenshot(page, name, { fullPage = true, fit = false } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (fit) {
    const { width, height } = await page.evaluate(() => {
      const end = document.querySelector('footer') || document.body;
      return {
        width: document.documentElement.clientWidth,
        height: Math.ceil(end.getBoundingClientRect().bottom + window.scrollY + 24),
      };
    });
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
  } else {
    await page.screenshot({ path, fullPage });
  }
  return path;
}

/** Text of an element with whitespace collapsed. */
export async function text(page, selector) {
  const t = await page.locator(selector).first().textContent();
  return (t || '').replace(/\s+/g, ' ').trim();
}
