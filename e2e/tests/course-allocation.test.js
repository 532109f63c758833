// Course allocation, end to end in the browser, with three people in three browsers:
//
// 1. the provider ("Kursverwaltung VHS") creates a small course in Bramsche — first with an
//    end before the start (the form shows the error next to "Kursende"), then a valid one;
// 2. a counsellor creates a person living in Bramsche and puts her on the waiting list;
// 3. the team lead computes an allocation for the days around the course start, sees her
//    placed in the new course with the reason in words, excludes her from the course and
//    re-runs (she is now without a seat, with a reason), pins her to the course and re-runs
//    (placed again), and confirms;
// 4. the provider sees her among the participants, with one seat fewer;
// 5. the counsellor sees the need as "vermittelt" with a link to the course, and the course
//    start as a step of her integration plan.
//
// The demo waiting list (~150 people) competes for the seats. To keep the story exact, the
// course starts on a Wednesday (every demo course starts on a Monday, so the run's window
// holds no other course), and the person has the highest priority the rules know: an
// obligation by an authority, a job-centre referral and a long wait. Whoever else gets the
// second seat is not assumed. Keeps a picture of the proposal
// (e2e/screenshots/allocation-proposal.png; with UPDATE_DOCS_SCREENSHOTS=1 also
// docs/screenshots/allocation-proposal.png).
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
const plus = (d, days) => new Date(d.getTime() + days * 86_400_000);
const iso = (d) => d.toISOString().slice(0, 10);
const german = (d) => `${iso(d).slice(8, 10)}.${iso(d).slice(5, 7)}.${iso(d).slice(0, 4)}`;
/** The Monday on or after `d`. */
const mondayFrom = (d) => plus(d, (8 - (d.getUTCDay() || 7)) % 7);

/** Text without Fluent's bidi isolation marks (U+2068, U+2069), whitespace collapsed. */
const clean = (s) => (s || '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name suffix unique to this run, letters only (names are validated as names). */
function letterSuffix() {
  const syllables = ['ba', 'de', 'ka', 'li', 'mo', 'nu', 'ra', 'se', 'ti', 'zo', 'fa', 'ge', 'hi', 'jo', 'pu', 'wi'];
  let n = Date.now() * 16 + Math.floor(Math.random() * 16);
  let s = '';
  for (let i = 0; i < 5; i++) { s += syllables[n % 16]; n = Math.floor(n / 16); }
  return s[0].toUpperCase() + s.slice(1);
}

/** The rows of a table as arrays of cell texts (cleaned). */
async function rows(page, selector) {
  const cells = await page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent || '')),
  );
  return cells.map((r) => r.map(clean));
}

test('course allocation: provider course, waiting list, proposal, exclusion and pin, confirmation', async () => {
  const stamp = letterSuffix();
  const title = `E2E-Kurs ${stamp}`;
  const family = `Haddad-${stamp}`;
  const given = 'Rania';
  const fullName = `${family}, ${given}`;
  // Three weeks ahead, on a Wednesday: no demo course starts that day (they start on Mondays).
  const starts = plus(mondayFrom(day(21)), 2);
  const ends = plus(starts, 7 * 30);

  const provider = await newContext(browser);
  const counsellor = await newContext(browser);
  const lead = await newContext(browser);
  const pp = await provider.newPage();
  const cp = await counsellor.newPage();
  const lp = await lead.newPage();
  let current = pp;
  try {
    // --- 1. The provider creates the course ----------------------------------------------------
    await login(pp, 'provider');
    await pp.click('nav a[href="/courses"]');
    await pp.waitForURL((u) => u.pathname === '/courses');
    assert.equal(await text(pp, 'h1'), 'Kurse');
    await pp.click('a.button[href="/courses/new"]');
    await pp.waitForURL((u) => u.pathname === '/courses/new');
    assert.equal(await text(pp, 'h1'), 'Neuer Kurs');
    // The form starts with sensible defaults.
    assert.equal(await pp.inputValue('#course_type'), 'ik_general');
    assert.equal(await pp.inputValue('#time_slot'), 'morning');
    assert.match(await text(pp, '#provider_org_id'), /Volkshochschule Osnabrücker Land/);

    // First an impossible one: it ends before it starts.
    await pp.selectOption('#course_type', 'ik_general');
    await pp.fill('#title', title);
    await pp.selectOption('#municipality_id', { label: 'Bramsche' });
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) await pp.check(`input[name="day_${d}"]`);
    for (const d of ['sat', 'sun']) await pp.uncheck(`input[name="day_${d}"]`);
    await pp.selectOption('#time_slot', 'morning');
    await pp.fill('#starts_on', iso(starts));
    await pp.fill('#ends_on', iso(plus(starts, -7)));
    await pp.fill('#capacity', '2');
    await submitAndWait(pp, 'form[action="/courses"] button.primary[type="submit"]');
    assert.equal(new URL(pp.url()).pathname, '/courses', 'the invalid form comes back');
    assert.match(await text(pp, '.alert.error'), /Bitte prüfen Sie die markierten Angaben/);
    assert.ok(await pp.locator('#ends_on-error').isVisible(), 'the error is shown next to "Kursende"');
    assert.ok((await text(pp, '#ends_on-error')).length > 0);
    assert.equal(await pp.getAttribute('#ends_on', 'aria-invalid'), 'true');
    assert.equal(await pp.getAttribute('#ends_on', 'aria-describedby'), 'ends_on-error');
    const endsField = pp.locator('.field.invalid', { has: pp.locator('#ends_on') });
    assert.equal(clean(await endsField.locator('label').textContent()), 'Kursende *');
    assert.equal(await pp.locator('#starts_on-error').count(), 0, 'the start itself is fine');
    // What was typed is kept.
    assert.equal(await pp.inputValue('#title'), title);
    assert.equal(await pp.inputValue('#capacity'), '2');
    assert.equal(await pp.inputValue('#starts_on'), iso(starts));
    assert.ok(await pp.isChecked('input[name="day_wed"]'));

    // Now a valid one.
    await pp.fill('#ends_on', iso(ends));
    await submitAndWait(pp, 'form[action="/courses"] button.primary[type="submit"]');
    const coursePath = new URL(pp.url()).pathname;
    assert.match(coursePath, /^\/courses\/[0-9a-f-]{36}$/, `course saved: ${pp.url()}`);
    const courseId = coursePath.split('/')[2];
    assert.equal(await text(pp, '.alert.success'), 'Der Kurs wurde gespeichert.');
    assert.equal(await text(pp, 'h1'), title);
    const badges = await text(pp, '.page-head .badges');
    assert.match(badges, /Volkshochschule Osnabrücker Land/);
    assert.match(badges, /Bramsche/);
    assert.match(badges, /Freie Plätze: 2 \/ 2/);
    const facts = await text(pp, 'dl.facts');
    assert.ok(facts.includes(`${german(starts)} – ${german(ends)}`), facts);
    assert.match(facts, /Mo, Di, Mi, Do, Fr, vormittags/);
    assert.match(facts, /Modul 1/, 'an integration course starts with module 1 by default');
    assert.equal(await text(pp, '#participants tbody'), 'Keine Einträge gefunden.');
    // It is in the catalogue.
    await pp.goto('/courses');
    assert.equal(await pp.locator(`tbody a[href="${coursePath}"]`).count(), 1, 'listed in the catalogue');

    // --- 2. The counsellor puts a person from Bramsche on the waiting list ---------------------
    current = cp;
    await login(cp, 'counsellor');
    await cp.goto('/persons/new');
    await cp.fill('#family_name', family);
    await cp.fill('#given_names', given);
    await cp.selectOption('#sex', 'female');
    await cp.fill('#birth_date', '02.09.1991');
    await cp.fill('#nationalities', 'SY');
    await cp.selectOption('#municipality_id', { label: 'Bramsche' });
    await cp.fill('#arrived_germany_on', german(day(-300)));
    await cp.selectOption('#residence_status', 'aufenthaltserlaubnis');
    await cp.fill('#residence_paragraph', '25(2)');
    await cp.fill('#residence_first_issued_on', german(day(-61)));
    await cp.fill('#residence_valid_until', german(day(-61 + 3 * 365)));
    await cp.selectOption('#benefits_law', 'sgb2');
    await cp.selectOption('#german_level', 'none');
    await cp.selectOption('#literate_latin', 'yes');
    await submitAndWait(cp, 'form[action="/persons"] button.primary[type="submit"]');
    const personPath = new URL(cp.url()).pathname;
    assert.match(personPath, /^\/persons\/[0-9a-f-]{36}$/, `person created: ${cp.url()}`);
    assert.equal(await text(cp, 'h1'), fullName);
    assert.match(await text(cp, '.page-head .badges'), /Bramsche/);

    await cp.click(`#course-need a[href="${personPath}/course"]`);
    await cp.waitForURL((u) => u.pathname === `${personPath}/course`);
    assert.equal(await text(cp, 'h1'), 'Deutschkurs');
    assert.equal(await text(cp, '#needs tbody'), 'Noch kein Kursbedarf erfasst.');
    // Prefilled from eligibility: integration course, module 1; job centre (SGB II).
    assert.equal(await cp.inputValue('#course_type'), 'ik_general');
    assert.equal(await cp.inputValue('#start_module'), '1');
    assert.ok(await cp.isChecked('input[name="job_centre_referral"]'), 'SGB II: job-centre referral prefilled');
    await cp.fill('#earliest_start', iso(day(0)));
    await cp.fill('#latest_start', iso(day(56)));
    await cp.fill('#max_travel_km', '15');
    // She is obliged to attend and has waited since the asylum procedure: first in line.
    await cp.selectOption('#obliged_by', 'job_centre');
    await cp.fill('#obliged_on', iso(day(-30)));
    await cp.fill('#waiting_since', iso(day(-280)));
    await submitAndWait(cp, '#save-need');
    assert.equal(new URL(cp.url()).pathname, `${personPath}/course`);
    assert.equal(await text(cp, '.alert.success'), 'Der Kursbedarf wurde gespeichert.');
    let needs = await rows(cp, '#needs');
    assert.equal(needs.length, 1, JSON.stringify(needs));
    assert.match(needs[0][0], /Integrationskurs \(allgemein\) · Modul 1/);
    assert.equal(needs[0][1], `${german(day(0))} – ${german(day(56))}`);
    assert.equal(needs[0][2], 'wartet');
    assert.equal(needs[0][3], '', 'no course yet');
    assert.equal(await text(cp, '#need-form h2'), 'Wartenden Kursbedarf ändern');

    // --- 3. The team lead computes, corrects and confirms the allocation ------------------------
    current = lp;
    await login(lp, 'team_lead');
    await lp.click('nav a[href="/allocation"]');
    await lp.waitForURL((u) => u.pathname === '/allocation');
    assert.equal(await text(lp, 'h1'), 'Kursplatzvergabe');
    assert.match(await text(lp, 'main'), /Auf der Warteliste: \d+/);
    await lp.fill('#window_from', iso(plus(starts, -1)));
    await lp.fill('#window_to', iso(plus(starts, 1)));
    await submitAndWait(lp, 'form[action="/allocation"] button.primary[type="submit"]');
    const runPath = new URL(lp.url()).pathname;
    assert.match(runPath, /^\/allocation\/[0-9a-f-]{36}$/, `proposal: ${lp.url()}`);
    assert.equal(await text(lp, 'h1'), 'Vergabevorschlag');
    let head = clean(await lp.locator('.page-head .badges').textContent());
    assert.ok(head.includes(`${german(plus(starts, -1))} – ${german(plus(starts, 1))}`), head);
    assert.match(head, /Vorschlag/);

    // Seats per course: the new course is there (and, on a Wednesday, alone).
    const seatRow = async () => {
      const r = lp.locator('#seats tbody tr', { has: lp.locator(`a[href="${coursePath}"]`) });
      assert.equal(await r.count(), 1, `the course is in "Plätze je Kurs": ${await text(lp, '#seats')}`);
      return (await r.locator('td').allTextContents()).map(clean);
    };
    assert.equal(await text(lp, '#seats h2'), 'Plätze je Kurs');
    let seats = await seatRow();
    assert.deepEqual([seats[0], seats[1], seats[2], seats[3], seats[5]],
      [german(starts), title, 'Volkshochschule Osnabrücker Land', 'Bramsche', '2 / 2'], JSON.stringify(seats));

    const courseName = `${title}, Bramsche, ab ${german(starts)}`;
    const section = lp.locator('section.placements', { has: lp.locator('h2', { hasText: title }) });
    const myRow = (scope) => scope.locator('tbody tr', { has: lp.locator(`a[href="${personPath}"]`) });
    const reasons = async (row) => (await row.locator('td:nth-child(3) p').allTextContents()).map(clean);

    assert.equal(await section.count(), 1, 'a section for the new course');
    assert.equal(clean(await section.locator('h2').textContent()), courseName);
    let mine = myRow(section);
    assert.equal(await mine.count(), 1, `she is placed in the new course: ${await text(lp, 'section.placements')}`);
    assert.equal(clean(await mine.locator('td a').first().textContent()), fullName);
    let why = await reasons(mine);
    assert.ok(why.some((r) => r.startsWith(`Platz in ${courseName}: 0 km Weg`)), JSON.stringify(why));
    const priority = clean(await mine.locator('td:nth-child(2)').textContent());
    assert.match(priority, /verpflichtet/);
    assert.match(priority, /Jobcenter/);
    assert.ok(priority.includes(`wartet seit ${german(day(-280))}`), priority);
    assert.ok(Number(seats[4]) >= 1 && Number(seats[4]) <= 2, `placed in the course: ${seats[4]}`);

    const shot = await screenshot(lp, 'allocation-proposal', { fullPage: false });
    if (UPDATE_DOCS) {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(shot, join(DOCS_SCREENSHOT_DIR, 'allocation-proposal.png'));
    }

    // Exclude her from this course and re-run: she is without a seat, and the page says why.
    const exclude = mine.locator(`input[type="checkbox"][name^="exclude_"][name$="_${courseId}"]`);
    assert.equal(await exclude.count(), 1, 'an exclusion checkbox for her and this course');
    const needId = (await exclude.getAttribute('name')).slice('exclude_'.length, -(courseId.length + 1));
    assert.match(needId, /^[0-9a-f-]{36}$/, needId);
    await exclude.check();
    await submitAndWait(lp, '#rerun');
    assert.equal(new URL(lp.url()).pathname, runPath);
    assert.equal(await text(lp, '.alert.success'), 'Der Vorschlag wurde neu berechnet.');
    assert.equal(await myRow(section).count(), 0, 'no longer in the course');
    mine = myRow(lp.locator('#unplaced'));
    assert.equal(await mine.count(), 1, 'she is listed under "Ohne Platz"');
    assert.match(await text(lp, '#unplaced h2'), /^Ohne Platz \(\d+\)$/);
    why = await reasons(mine);
    assert.ok(why.length > 0 && why.every((r) => r.length > 0), `a reason: ${JSON.stringify(why)}`);
    assert.ok(why.some((r) => /ausgeschlossen/.test(r)), `the reason names the exclusion: ${JSON.stringify(why)}`);

    // Pin her to the course and re-run: she is placed again, as pinned.
    const pin = lp.locator(`#unplaced select[name="pin_${needId}"]`);
    assert.equal(await pin.count(), 1, 'a pin select for her');
    await pin.selectOption(courseId);
    await submitAndWait(lp, '#rerun');
    assert.equal(await text(lp, '.alert.success'), 'Der Vorschlag wurde neu berechnet.');
    mine = myRow(section);
    assert.equal(await mine.count(), 1, 'placed in the course again');
    why = await reasons(mine);
    assert.ok(why.some((r) => r === `Fest eingeteilt in ${courseName}.`), JSON.stringify(why));
    assert.equal(await lp.inputValue(`select[name="pin_${needId}"]`), courseId, 'the pin is shown');
    assert.equal(await myRow(lp.locator('#unplaced')).count(), 0);
    seats = await seatRow();
    const placedHere = Number(seats[4]);
    assert.ok(placedHere >= 1 && placedHere <= 2, `placed in the course: ${seats[4]}`);
    assert.equal(await section.locator('tbody tr').count(), placedHere, 'the section lists everyone placed there');

    await submitAndWait(lp, '#confirm-run');
    assert.equal(new URL(lp.url()).pathname, runPath);
    assert.match(await text(lp, '.alert.success'), /^Die Vergabe ist bestätigt/);
    assert.equal(await lp.locator('#clashes').count(), 0, 'no clashes');
    head = clean(await lp.locator('.page-head .badges').textContent());
    assert.match(head, /bestätigt/);
    assert.equal(await lp.locator('#confirm-run, #rerun').count(), 0, 'a confirmed run can no longer be changed');
    await lp.goto('/allocation');
    const runRow = lp.locator('tbody tr', { has: lp.locator(`a[href="${runPath}"]`) });
    assert.match(clean(await runRow.textContent()), /bestätigt/);

    // --- 4. The provider sees the participant ------------------------------------------------------
    current = pp;
    await pp.goto(coursePath);
    const participants = await rows(pp, '#participants');
    assert.equal(participants.length, placedHere, JSON.stringify(participants));
    const her = participants.find((r) => r[1] === family && r[2] === given);
    assert.ok(her, `she is a participant: ${JSON.stringify(participants)}`);
    assert.equal(her[3], 'Platz gebucht');
    assert.match(await text(pp, '.page-head .badges'), new RegExp(`Freie Plätze: ${2 - placedHere} / 2`));
    assert.match(await text(pp, 'dl.facts'), new RegExp(`Vom Migrationszentrum vergeben\\s*${placedHere}`));

    // --- 5. The counsellor sees the placement and the plan step ------------------------------------
    current = cp;
    await cp.goto(`${personPath}/course`);
    needs = await rows(cp, '#needs');
    assert.equal(needs.length, 1, JSON.stringify(needs));
    assert.equal(needs[0][2], 'vermittelt');
    const link = cp.locator(`#needs a[href="${coursePath}"]`);
    assert.equal(await link.count(), 1, 'a link to the course');
    assert.equal(clean(await link.textContent()), `${title} · ${german(starts)}`);
    assert.equal(await cp.locator('#need-form h2').textContent().then(clean), 'Auf die Warteliste setzen',
      'no waiting need left to edit');
    await cp.goto(`${personPath}/plan`);
    const step = cp.locator('article.plan-goal tbody tr', { hasText: `Kursbeginn: ${title}` });
    assert.equal(await step.count(), 1, `the course start is a plan step: ${await text(cp, 'main')}`);
    const stepText = clean(await step.textContent());
    assert.match(stepText, /Volkshochschule Osnabrücker Land/);
    assert.ok(stepText.includes(german(starts)) || stepText.includes(iso(starts)), stepText);
  } catch (e) {
    await screenshot(current, 'course-allocation-failure').catch(() => {});
    throw e;
  } finally {
    await provider.close();
    await counsellor.close();
    await lead.close();
  }
});
