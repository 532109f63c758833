// (a) The acceptance story: an administrator creates a counsellor of the migration centre,
// who can then log in and sees their own dashboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, newContext, login, logout, fillUserForm, submitUserForm, screenshot, text,
  uniqueName, MIGRATION_CENTRE, DOCS_SCREENSHOT_DIR,
} from './helpers.js';

// Set UPDATE_DOCS_SCREENSHOTS=1 to refresh the committed pictures in docs/screenshots/.
const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('admin creates a counsellor who can then log in and sees the dashboard', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const newUser = {
    username: uniqueName('erika.beispiel'),
    displayName: 'Erika Beispiel',
    email: 'erika.beispiel@example.org',
    role: 'counsellor',
    org: MIGRATION_CENTRE,
    locale: 'de',
    password: 'Ankommen im Osnabrücker Land 2026',
  };
  assert.ok(newUser.password.length >= 10);

  try {
    // The login page, as a first-time visitor sees it.
    await page.goto('/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await text(page, 'h1'), 'Anmelden');
    const loginShot = await screenshot(page, 'login', { fit: true });

    await login(page, 'admin');
    assert.match(await text(page, 'h1'), /^Guten Tag, /);

    // Users list -> "Neuer Benutzer".
    await page.goto('/admin/users');
    assert.equal(await text(page, 'h1'), 'Benutzer');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/admin/users/new'),
      page.getByRole('link', { name: 'Neuer Benutzer' }).click(),
    ]);
    assert.equal(await text(page, 'h1'), 'Neuer Benutzer');

    await fillUserForm(page, newUser);
    await screenshot(page, 'user-form-filled');
    await submitUserForm(page);

    // Redirected to the list with the success notice, and the user is in it.
    const url = new URL(page.url());
    assert.equal(url.pathname, '/admin/users', `after saving: ${page.url()}`);
    assert.equal(url.searchParams.get('msg'), 'user-created');
    const notice = page.locator('main .alert.success[role="status"]');
    assert.equal(await notice.count(), 1, 'success notice shown');
    assert.equal((await notice.textContent()).trim(), 'Der Benutzer wurde angelegt.');

    const row = page.locator('tbody tr', { has: page.locator(`a:text-is("${newUser.username}")`) });
    assert.equal(await row.count(), 1, `row for ${newUser.username} in the list`);
    const cells = (await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
    assert.equal(cells[0], newUser.username);
    assert.equal(cells[1], newUser.displayName);
    assert.equal(cells[2], 'Beratung');
    assert.equal(cells[3], MIGRATION_CENTRE);
    assert.equal(cells[5], 'aktiv');
    await screenshot(page, 'users-after-create');

    // Log out: back at the login page, and the dashboard is closed again.
    await logout(page);
    assert.equal(await text(page, 'h1'), 'Anmelden');
    assert.equal(await page.locator('form[action="/logout"]').count(), 0, 'no logout button when logged out');
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/login', 'dashboard needs a login after logout');

    // The new user logs in and sees their dashboard.
    await login(page, newUser.username, newUser.password);
    assert.equal(await text(page, 'h1'), `Guten Tag, ${newUser.displayName}`);
    assert.equal(await text(page, 'header .who'), `${newUser.displayName} · Beratung`);
    assert.match(await text(page, 'main'), new RegExp(`Ihre Organisation: ${MIGRATION_CENTRE} \\(Migrationszentrum\\)`));
    // A counsellor has no user administration.
    assert.equal(await page.locator('nav a[href="/admin/users"]').count(), 0, 'counsellor sees no user admin link');
    const dashShot = await screenshot(page, 'dashboard-counsellor', { fit: true });

    if (UPDATE_DOCS) {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(loginShot, join(DOCS_SCREENSHOT_DIR, 'login.png'));
      copyFileSync(dashShot, join(DOCS_SCREENSHOT_DIR, 'dashboard.png'));
    }
  } catch (e) {
    await screenshot(page, 'FAILED-admin-story').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
});
