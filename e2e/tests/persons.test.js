// A counsellor finds or creates a person: search first, the likely duplicate is offered,
// the person page shows the eligibility findings with their legal basis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, login, submitAndWait, screenshot, text } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('counsellor searches, creates a person, is warned about the duplicate, sees eligibility', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  try {
    await login(page, 'counsellor');
    await page.click('nav a[href="/persons"]');
    await page.waitForURL((u) => u.pathname === '/persons');
    assert.equal(await text(page, 'h1'), 'Personen');
    // The demo caseload is listed.
    assert.ok((await page.locator('tbody tr a[href^="/persons/"]').count()) > 10, 'caseload listed');

    // A family name the demo data never uses (each run starts on a fresh database).
    const family = 'Tamimi';
    await page.goto('/persons/new');
    await page.fill('#family_name', `Al-${family}`);
    await page.fill('#given_names', 'Mohammed');
    await page.fill('#birth_date', '02.04.1988');
    await page.selectOption('#residence_status', 'aufenthaltserlaubnis');
    await page.fill('#residence_paragraph', '25(2)');
    await page.fill('#residence_first_issued_on', '2026-05-01');
    await page.selectOption('#german_level', 'none');
    await submitAndWait(page, 'form button.primary[type="submit"]');
    assert.match(new URL(page.url()).pathname, /^\/persons\/[0-9a-f-]{36}$/);
    assert.match(await text(page, 'h1'), new RegExp(`Al-${family}, Mohammed`));
    const findings = await text(page, '#eligibility');
    assert.match(findings, /Integrationskurs/);
    assert.match(findings, /§ 44/);
    await screenshot(page, 'person', { fit: true });

    // The same person again, in another spelling and with day and month swapped.
    await page.goto('/persons/new');
    await page.fill('#family_name', `Al ${family}`);
    await page.fill('#given_names', 'Muhammad');
    await page.fill('#birth_date', '04.02.1988');
    await submitAndWait(page, 'form button.primary[type="submit"]');
    assert.match(await text(page, '#duplicates'), new RegExp(`Al-${family}`));
    await screenshot(page, 'person-duplicate-warning', { fit: true });

    // Search finds the record under the other spelling.
    await page.goto(`/persons?q=${encodeURIComponent(`Muhammad El ${family}`)}`);
    assert.match(await text(page, 'tbody'), new RegExp(`Al-${family}`));
  } finally {
    await ctx.close();
  }
});
