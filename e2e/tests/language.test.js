// (b) Languages: the login error in German, `?lang=en` in English, the language switch,
// and error pages in the logged-in user's own language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newContext, login, fillUserForm, submitUserForm, submitAndWait, screenshot, text,
  uniqueName, MIGRATION_CENTRE,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The German case tries a real demo user that no other test logs in as (one failure a
// run, far below the lockout of 5 failures in 15 minutes); the others use user names
// that do not exist, which get the same answer and never lock anybody out.
const VICTIM = 'analyst';
const nobody = () => uniqueName('nobody');

async function withPage(options, fn) {
  const ctx = await newContext(browser, options);
  const page = await ctx.newPage();
  try {
    await fn(page);
  } catch (e) {
    await screenshot(page, `FAILED-language-${Date.now()}`).catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
}

async function tryLogin(page, username, password) {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await submitAndWait(page, 'form[action^="/login"] button[type="submit"]');
}

test('wrong password shows the German error on the login page', async () => {
  await withPage({}, async (page) => {
    await page.goto('/login');
    await tryLogin(page, VICTIM, 'definitely-not-the-password');

    assert.equal(new URL(page.url()).pathname, '/login', 'stays on the login page');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    const error = page.locator('#login-error');
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal((await error.textContent()).trim(), 'Benutzername oder Passwort ist falsch.');
    // The user name is kept, the password is not sent back; the field points at the error.
    assert.equal(await page.inputValue('#username'), VICTIM);
    assert.equal(await page.inputValue('#password'), '');
    assert.equal(await page.getAttribute('#username', 'aria-describedby'), 'login-error');
    assert.equal(await page.locator('form[action="/logout"]').count(), 0, 'not logged in');
    await screenshot(page, 'login-wrong-password-de');
  });
});

test('?lang=en shows the login page in English', async () => {
  await withPage({}, async (page) => {
    const res = await page.goto('/login?lang=en');
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(page, 'h1'), 'Log in');
    assert.equal(await text(page, 'label[for="username"]'), 'User name');
    assert.equal(await text(page, 'label[for="password"]'), 'Password');
    assert.equal(await text(page, 'form[action^="/login"] button[type="submit"]'), 'Log in');
    await screenshot(page, 'login-en');
  });
});

test('an English browser gets the English error for a wrong password', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    await page.goto('/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await tryLogin(page, nobody(), 'still-not-the-password');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.locator('#login-error').textContent()).trim(), 'Wrong user name or password.');
  });
});

test('the language switch in the header changes the language and keeps it', async () => {
  await withPage({}, async (page) => {
    await page.goto('/login');
    assert.equal(await text(page, 'h1'), 'Anmelden');
    await submitAndWait(page, 'form[action="/language"] button[value="en"]');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(page, 'h1'), 'Log in');
    // The choice holds for the next pages, here the error after a wrong password.
    await tryLogin(page, nobody(), 'wrong-again-password');
    assert.equal((await page.locator('#login-error').textContent()).trim(), 'Wrong user name or password.');
  });
});

test('a 404 page is in the logged-in user\'s language', async () => {
  // An administrator (German account) creates a colleague whose interface is English.
  const english = {
    username: uniqueName('jane.example'),
    displayName: 'Jane Example',
    role: 'team_lead',
    org: MIGRATION_CENTRE,
    locale: 'en',
    password: 'Welcome to the county 2026',
  };

  // The German admin in an *English* browser: the account's language wins.
  await withPage({ locale: 'en-US' }, async (page) => {
    await login(page, 'admin');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    const res = await page.goto('/this-page-does-not-exist');
    assert.equal(res.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await text(page, 'h1'), 'Nicht gefunden');
    assert.match(await text(page, 'main'), /Diese Seite gibt es nicht/);
    await screenshot(page, '404-de');

    await page.goto('/admin/users/new');
    await fillUserForm(page, english);
    await submitUserForm(page);
    assert.equal(new URL(page.url()).searchParams.get('msg'), 'user-created');
  });

  // The English user in a *German* browser sees English pages, the 404 included.
  await withPage({ locale: 'de-DE' }, async (page) => {
    await login(page, english.username, english.password);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(page, 'h1'), `Hello, ${english.displayName}`);
    const res = await page.goto('/admin/nothing-here');
    assert.equal(res.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(page, 'h1'), 'Not found');
    assert.match(await text(page, 'main'), /This page does not exist/);
    assert.equal(await text(page, 'main a[href="/"]'), 'Back to the dashboard');
    await screenshot(page, '404-en');
  });
});

// The login form carries the page's language, so a German browser that chose English
// gets the error after a wrong password in English too.
test('the ?lang=en choice survives a failed login', async () => {
  await withPage({ locale: 'de-DE' }, async (page) => {
    await page.goto('/login?lang=en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await tryLogin(page, nobody(), 'one-more-wrong-password');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'page after the failed login is English');
    assert.equal((await page.locator('#login-error').textContent()).trim(), 'Wrong user name or password.');
  });
});
