// (c) Server-side validation of the new-user form: messages next to the fields,
// aria-invalid on the fields, and the other values kept.
//
// One form submission, checked in separate subtests so that each finding is reported
// on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newContext, login, fillUserForm, orgOptionValue, submitUserForm, screenshot, text,
  MIGRATION_CENTRE,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('new-user form with an invalid user name and a short password', async (t) => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const input = {
    username: 'max mustermann!',
    displayName: 'Max Mustermann',
    email: 'max.mustermann@example.org',
    role: 'team_lead',
    org: MIGRATION_CENTRE,
    locale: 'en',
    password: 'kurz',
  };
  let orgValue;
  let failed = false;
  // A failing subtest is reported and fails the parent, but the next ones still run.
  const step = (name, fn) => t.test(name, fn);
  try {
    await login(page, 'admin');
    await page.goto('/admin/users/new');
    orgValue = await orgOptionValue(page, MIGRATION_CENTRE);
    await fillUserForm(page, input);
    await submitUserForm(page);
    await screenshot(page, 'user-form-errors');

    await step('is not saved and shows the error summary', async () => {
      assert.notEqual(new URL(page.url()).searchParams.get('msg'), 'user-created');
      assert.equal(await page.locator('.alert.success').count(), 0);
      assert.equal(await text(page, 'h1'), 'Neuer Benutzer');
      assert.equal(await page.locator('main .alert.error[role="alert"]').count(), 1, 'error summary shown');
    });

    await step('user name: aria-invalid and the message inside its field', async () => {
      const username = page.locator('#username');
      assert.equal(await username.getAttribute('aria-invalid'), 'true');
      assert.equal(await username.getAttribute('aria-describedby'), 'username-error');
      const msg = page.locator('.field.invalid:has(#username) #username-error');
      assert.equal(await msg.count(), 1, 'user name message inside the user name field');
      assert.equal((await msg.textContent()).trim(), 'Nur Buchstaben a–z, Ziffern, Punkt, Unterstrich und Bindestrich.');
    });

    await step('password: aria-invalid and the message inside its field', async () => {
      const password = page.locator('#password');
      assert.equal(
        await password.getAttribute('aria-invalid'), 'true',
        '#password should be aria-invalid="true" when the user name is invalid too (all errors at once)',
      );
      assert.equal(await password.getAttribute('aria-describedby'), 'password-error');
      const msg = page.locator('.field.invalid:has(#password) #password-error');
      assert.equal(await msg.count(), 1, 'password message inside the password field');
      assert.equal((await msg.textContent()).trim(), 'Das Passwort muss mindestens 10 Zeichen haben.');
    });

    await step('the valid fields are not marked', async () => {
      for (const id of ['display_name', 'email', 'role', 'org_id', 'locale']) {
        assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), null, `#${id} not marked invalid`);
        assert.equal(await page.locator(`#${id}-error`).count(), 0, `no message for #${id}`);
      }
    });

    await step('the entered values are kept (the password is not sent back)', async () => {
      assert.equal(await page.inputValue('#username'), input.username);
      assert.equal(await page.inputValue('#display_name'), input.displayName);
      assert.equal(await page.inputValue('#email'), input.email);
      assert.equal(await page.inputValue('#role'), input.role);
      assert.equal(await page.inputValue('#org_id'), orgValue);
      assert.equal(await page.inputValue('#locale'), input.locale);
      assert.equal(await page.inputValue('#password'), '');
    });

    await step('after correcting both fields the user is saved', async () => {
      await fillUserForm(page, {
        username: `max.mustermann.${Date.now().toString(36)}`,
        password: 'ein langes Passwort',
      });
      await submitUserForm(page);
      assert.equal(new URL(page.url()).searchParams.get('msg'), 'user-created', `after saving: ${page.url()}`);
    });
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (failed) await screenshot(page, 'FAILED-validation').catch(() => {});
    await ctx.close();
  }
});
