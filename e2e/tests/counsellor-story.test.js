// The counsellor's story, end to end in the browser: find or create a person, complete a
// situation analysis, see the eligibility findings with their legal basis (fed by the
// analysis), create a plan with a goal, a step and a follow-up, and find it on the
// dashboard. Keeps a picture of the person page (e2e/screenshots/counsellor-person.png;
// with UPDATE_DOCS_SCREENSHOTS=1 also docs/screenshots/person.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext, login, submitAndWait, screenshot, text, DOCS_SCREENSHOT_DIR } from './helpers.js';

const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A calendar day `days` from today (UTC, as the server counts), as a Date at midnight UTC. */
function day(days) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
const iso = (d) => d.toISOString().slice(0, 10);
const german = (d) => `${iso(d).slice(8, 10)}.${iso(d).slice(5, 7)}.${iso(d).slice(0, 4)}`;

/**
 * A family-name suffix unique to this run, made of letters only (names are validated as
 * names): the time in milliseconds spelled with syllables, e.g. "Kalibemo".
 */
function letterSuffix() {
  const syllables = ['ba', 'de', 'ka', 'li', 'mo', 'nu', 'ra', 'se', 'ti', 'zo', 'fa', 'ge', 'hi', 'jo', 'pu', 'wi'];
  let n = Date.now() * 16 + Math.floor(Math.random() * 16);
  let s = '';
  for (let i = 0; i < 5; i++) { s += syllables[n % 16]; n = Math.floor(n / 16); }
  return s[0].toUpperCase() + s.slice(1);
}

/** The eligibility table as rows of { topic, finding, basis } (whitespace collapsed). */
async function findings(page) {
  return page.locator('#eligibility tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => (td.textContent || '').replace(/\s+/g, ' ').trim());
      return { topic: cells[0], finding: cells[1], basis: cells[2] };
    }),
  );
}

/** Saves one section of the analysis with its own button and checks it was stored. */
async function saveSection(page, name) {
  await submitAndWait(page, `section#${name} form[action$="/sections/${name}#${name}"] button[type="submit"]`);
  assert.match(new URL(page.url()).pathname, /^\/persons\/[0-9a-f-]{36}\/assessments\/1$/);
  assert.equal(await text(page, '.alert.success'), 'Abschnitt gespeichert.', `section ${name} saved`);
  assert.equal(await page.locator(`section#${name} .alert.error, section#${name} [aria-invalid="true"]`).count(), 0,
    `no errors in section ${name}`);
  assert.match(await text(page, `section#${name}`), /Zuletzt gespeichert/, `section ${name} shows when it was saved`);
}

test('counsellor story: find or create a person, analysis, eligibility, plan, dashboard', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const family = `Osman-${letterSuffix()}`;
  const given = 'Amina';
  const fullName = `${family}, ${given}`;
  const childYear = day(0).getUTCFullYear() - 2;
  try {
    // --- 1. Log in -------------------------------------------------------------------------
    await login(page, 'counsellor');

    // --- 2. Find or create -------------------------------------------------------------------
    await page.click('nav a[href="/persons"]');
    await page.waitForURL((u) => u.pathname === '/persons');
    await page.fill('#q', family);
    await submitAndWait(page, 'form[role="search"] button[type="submit"]');
    assert.equal(new URL(page.url()).searchParams.get('q'), family);
    assert.equal(await page.locator('tbody a[href^="/persons/"]').count(), 0, 'no one is found under the new name');
    assert.equal(await text(page, 'tbody'), 'Keine Einträge gefunden.');

    await page.click('a.button[href="/persons/new"]');
    await page.waitForURL((u) => u.pathname === '/persons/new');
    await page.fill('#family_name', family);
    await page.fill('#given_names', given);
    await page.selectOption('#sex', 'female');
    await page.fill('#birth_date', '14.03.1994');
    await page.fill('#birth_place', 'Aleppo');
    await page.fill('#nationalities', 'SY');
    await page.fill('#phone', '0176 12345678');
    await page.fill('#street', 'Bahnhofstraße 12');
    await page.fill('#postcode', '49324');
    await page.selectOption('#municipality_id', { label: 'Melle' });
    await page.fill('#arrived_germany_on', german(day(-120)));
    await page.selectOption('#residence_status', 'aufenthaltserlaubnis');
    await page.fill('#residence_paragraph', '25(2)');
    await page.fill('#residence_first_issued_on', german(day(-61)));
    await page.fill('#residence_valid_until', german(day(-61 + 3 * 365)));
    await page.selectOption('#work_annotation', 'work_permitted');
    await page.selectOption('#benefits_law', 'sgb2');
    await page.selectOption('#german_level', 'none');
    await page.selectOption('#literate_latin', 'yes');
    await submitAndWait(page, 'form[action="/persons"] button.primary[type="submit"]');
    const personPath = new URL(page.url()).pathname;
    assert.match(personPath, /^\/persons\/[0-9a-f-]{36}$/, `created: ${page.url()}`);
    assert.equal(await text(page, '.alert.success'), 'Die Person wurde angelegt.');
    assert.equal(await text(page, 'h1'), fullName);
    const badges = await text(page, '.page-head .badges');
    assert.match(badges, /Aufenthaltserlaubnis § 25\(2\)/);
    assert.match(badges, /Melle/);
    assert.match(badges, /Deutsch: keine/);
    // Before any analysis: the integration course is open under § 44, start with module 1.
    let rows = await findings(page);
    const course = (rs) => rs.find((r) => r.topic === 'Integrationskurs' && /§ 44 Abs\. 1/.test(r.basis));
    assert.ok(course(rows), `an integration course finding under § 44 Abs. 1: ${JSON.stringify(rows)}`);
    const startModule = (rs) => rs.find((r) => r.topic === 'Einstiegsmodul');
    assert.match(startModule(rows)?.finding ?? '', /\(1\)/, 'without German, module 1 before the analysis');

    // --- 3. Situation analysis ------------------------------------------------------------------
    await submitAndWait(page, `#assessments form[action="${personPath}/assessments"] button[type="submit"]`);
    assert.equal(new URL(page.url()).pathname, `${personPath}/assessments/1`);
    assert.equal(await text(page, 'h1'), 'Situationsanalyse 1');
    assert.equal(await text(page, '.page-head .badge'), 'Entwurf');
    assert.match(await text(page, '.page-head p.muted'), new RegExp(fullName));

    // Family: a child born two years ago who needs childcare.
    await page.selectOption('#family-partner', 'in_household');
    await page.fill('#family-household_size', '3');
    await page.fill('#family-children-0-birth_year', String(childYear));
    await page.selectOption('#family-children-0-needs_childcare', 'yes');
    await saveSection(page, 'family');
    assert.equal(await page.inputValue('#family-children-0-birth_year'), String(childYear));
    assert.equal(await page.inputValue('#family-children-0-needs_childcare'), 'yes');
    assert.equal(await page.inputValue('#family-household_size'), '3');

    // German: placement test A1 three weeks ago, start with module 2.
    const tested = german(day(-21));
    await page.selectOption('#german-self_assessed', 'none');
    await page.selectOption('#german-placement_level', 'A1');
    await page.fill('#german-placement_date', tested);
    await page.fill('#german-start_module', '2');
    await saveSection(page, 'german');
    assert.equal(await page.inputValue('#german-placement_level'), 'A1');
    assert.equal(await page.inputValue('#german-start_module'), '2');
    assert.ok([tested, iso(day(-21))].includes(await page.inputValue('#german-placement_date')),
      'placement date kept');
    // The family section is still there after saving another one.
    assert.equal(await page.inputValue('#family-children-0-birth_year'), String(childYear));

    // Goals, in her own words and by action field.
    const ownWords = 'Deutsch lernen und als Pflegehelferin arbeiten, sobald die Tochter in der Kita ist.';
    await page.fill('#goals-own_words', ownWords);
    await page.selectOption('#goals-goals-0-field', 'language');
    await page.fill('#goals-goals-0-text', 'Deutsch B1 erreichen');
    await saveSection(page, 'goals');
    assert.equal(await page.inputValue('#goals-own_words'), ownWords);
    assert.equal(await page.inputValue('#goals-goals-0-field'), 'language');
    assert.equal(await page.inputValue('#goals-goals-0-text'), 'Deutsch B1 erreichen');

    // Complete it: it becomes read-only.
    await submitAndWait(page, 'form[action$="/assessments/1/complete"] button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, `${personPath}/assessments/1`);
    assert.equal(await text(page, '.alert.success'), 'Situationsanalyse abgeschlossen.');
    assert.equal(await text(page, '.page-head .badge'), 'Abgeschlossen');
    assert.equal(await page.locator('form[action$="/complete"]').count(), 0, 'no second completion');
    assert.equal(await page.locator('section#german fieldset[disabled]').count(), 1, 'completed sections are read-only');
    assert.equal(await page.inputValue('#german-start_module'), '2');
    await screenshot(page, 'counsellor-assessment', { fit: true });

    // --- 4. Eligibility, fed by the analysis ---------------------------------------------------
    await page.goto(personPath);
    assert.equal(await text(page, 'h1'), fullName);
    rows = await findings(page);
    const c = course(rows);
    assert.ok(c, `integration course finding: ${JSON.stringify(rows)}`);
    assert.match(c.basis, /AufenthG § 44/, 'legal basis of the integration course');
    assert.doesNotMatch(c.finding, /unklar/);
    const m = startModule(rows);
    assert.ok(m, `start module finding: ${JSON.stringify(rows)}`);
    assert.match(m.finding, /\(2\)/, `start module 2 from the placement test: ${m.finding}`);
    assert.match(m.finding, /Modul 2|Einstufungstest/, m.finding);
    assert.match(m.basis, /IntV § 11/);
    // Every finding names its legal basis.
    for (const r of rows) assert.match(r.basis, /§/, `legal basis for ${r.topic}`);

    // --- 5. Plan: a language goal, a step with an owner and due date, a follow-up --------------
    await page.click(`#plan a[href="${personPath}/plan"]`);
    await page.waitForURL((u) => u.pathname === `${personPath}/plan`);
    assert.equal(await text(page, 'h1'), 'Integrationsplan');
    assert.equal(await text(page, '#follow-ups tbody'), 'Keine Wiedervorlagen.');

    const goalTitle = 'Deutsch bis B1 (Integrationskurs)';
    await page.selectOption('#goal-field', 'language');
    await page.fill('#goal-title', goalTitle);
    await page.fill('#goal-description', 'Kurs mit Kinderbetreuung, Einstieg in Modul 2.');
    await submitAndWait(page, `form[action="${personPath}/plan/goals"] button[type="submit"]`);
    assert.equal(await text(page, '.alert.success'), 'Integrationsplan gespeichert.');
    const goal = page.locator('section.plan-field', { has: page.locator('h2', { hasText: 'Sprache' }) }).locator('article.plan-goal');
    assert.equal(await goal.count(), 1, 'the goal is listed under "Sprache"');
    assert.match((await goal.locator('h3').textContent()).replace(/\s+/g, ' '), new RegExp(`${goalTitle.replace(/[()]/g, '\\$&')} offen`));

    const stepTitle = 'Anmeldung zum Integrationskurs mit Kinderbetreuung';
    const stepDue = day(3);
    await page.selectOption('#step-goal', { label: goalTitle });
    await page.fill('#step-title', stepTitle);
    await page.selectOption('#step-owner', 'partner_organisation');
    await page.selectOption('#step-org', { label: 'Volkshochschule Osnabrücker Land' });
    await page.fill('#step-due', iso(stepDue));
    await submitAndWait(page, `form[action="${personPath}/plan/steps"] button[type="submit"]`);
    assert.equal(await text(page, '.alert.success'), 'Integrationsplan gespeichert.');
    const step = goal.locator('tbody tr', { hasText: stepTitle });
    assert.equal(await step.count(), 1, 'the step is listed under its goal');
    const stepText = (await step.textContent()).replace(/\s+/g, ' ');
    assert.match(stepText, /Volkshochschule Osnabrücker Land/, stepText);
    assert.ok(stepText.includes(german(stepDue)) || stepText.includes(iso(stepDue)), `due date shown: ${stepText}`);
    assert.match(stepText, /offen/);

    const note = 'Kita-Platz und Kursbeginn besprechen';
    await page.fill('#fu-due', iso(day(0)));
    await page.selectOption('#fu-kind', 'appointment');
    await page.fill('#fu-note', note);
    await submitAndWait(page, `form[action="${personPath}/plan/follow-ups"] button[type="submit"]`);
    assert.equal(await text(page, '.alert.success'), 'Integrationsplan gespeichert.');
    const fu = page.locator('#follow-ups tbody tr', { hasText: note });
    assert.equal(await fu.count(), 1, 'the follow-up is listed');
    assert.match((await fu.textContent()).replace(/\s+/g, ' '), /Termin vor Ort/);
    assert.equal(await fu.locator('form[action*="/plan/follow-ups/"] button').count(), 1, 'it is open (can be marked done)');
    await screenshot(page, 'counsellor-plan', { fit: true });

    // --- 6. Dashboard: the step and the follow-up are due ---------------------------------------
    await page.click('nav a[href="/"]');
    await page.waitForURL((u) => u.pathname === '/');
    const mine = page.locator('#due tbody tr', { has: page.locator(`a[href="${personPath}/plan"]`) });
    assert.equal(await mine.count(), 2, 'the step and the follow-up are in the due list');
    const due = (await mine.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const t of due) assert.match(t, new RegExp(fullName), t);
    const dueStep = due.find((t) => t.includes(stepTitle));
    assert.ok(dueStep, `step in the due list: ${JSON.stringify(due)}`);
    assert.match(dueStep, new RegExp(`Schritt: ${stepTitle}`));
    assert.ok(dueStep.includes(german(stepDue)), `step due date: ${dueStep}`);
    const dueFollowUp = due.find((t) => t.includes(note));
    assert.ok(dueFollowUp, `follow-up in the due list: ${JSON.stringify(due)}`);
    assert.match(dueFollowUp, /Wiedervorlage: Termin vor Ort/);
    assert.ok(dueFollowUp.includes(german(day(0))), `follow-up due today: ${dueFollowUp}`);
    await screenshot(page, 'counsellor-dashboard', { fit: true });
    // The name links to the plan.
    await mine.first().locator('a').click();
    await page.waitForURL((u) => u.pathname === `${personPath}/plan`);
    assert.ok((await text(page, '#follow-ups')).includes(note));

    // --- 7. The person page, for the record --------------------------------------------------
    await page.goto(personPath);
    assert.equal(await text(page, 'h1'), fullName);
    const shot = await screenshot(page, 'counsellor-person', { fit: true });
    if (UPDATE_DOCS) {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(shot, join(DOCS_SCREENSHOT_DIR, 'person.png'));
    }
  } catch (e) {
    await screenshot(page, 'counsellor-story-failure').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
});
