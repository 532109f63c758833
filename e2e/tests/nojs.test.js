// (e) The staff UI works without JavaScript: log in, open the user list, create a user
// with the plain HTML form, see it listed, log out, and log in as the new user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newContext, login, logout, fillUserForm, submitUserForm, screenshot, text,
  uniqueName, MIGRATION_CENTRE,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('admin flow with JavaScript disabled', async () => {
  const ctx = await newContext(browser, { javaScriptEnabled: false });
  const page = await ctx.newPage();
  const user = {
    username: uniqueName('ohne.js'),
    displayName: 'Olga Ohnejs',
    role: 'counsellor',
    org: MIGRATION_CENTRE,
    locale: 'de',
    password: 'funktioniert auch ohne Skript',
  };
  try {
    // Prove that page scripts really are off in this context.
    await page.goto('/login');
    await page.setContent('<p id="x">off</p><script>document.getElementById("x").textContent = "on"</script>');
    assert.equal(await text(page, '#x'), 'off', 'JavaScript is disabled in this context');

    await login(page, 'admin');
    assert.match(await text(page, 'h1'), /^Guten Tag, Administration/);

    await page.goto('/admin/users');
    await page.click('a[href="/admin/users/new"]');
    await page.waitForURL('**/admin/users/new');
    await fillUserForm(page, user);
    await submitUserForm(page);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/admin/users');
    assert.equal(url.searchParams.get('msg'), 'user-created');
    assert.equal(await text(page, 'main .alert.success'), 'Der Benutzer wurde angelegt.');
    assert.equal(await page.locator(`tbody a:text-is("${user.username}")`).count(), 1);

    // The search form works as a plain GET form.
    await page.fill('#q', user.username);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === user.username), page.press('#q', 'Enter')]);
    assert.equal(await page.locator('tbody tr').count(), 1, 'search finds exactly the new user');

    await logout(page);
    await login(page, user.username, user.password);
    assert.equal(await text(page, 'h1'), `Guten Tag, ${user.displayName}`);
    await screenshot(page, 'nojs-dashboard');
    await logout(page);
    assert.equal(await text(page, 'h1'), 'Anmelden');
  } catch (e) {
    await screenshot(page, 'FAILED-nojs').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
});
