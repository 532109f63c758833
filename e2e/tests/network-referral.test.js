// A referral to a volunteer initiative, end to end in the browser (issue 7's acceptance
// test: "counsellor refers a person to a volunteer initiative with scope contact +
// language; the volunteer coordinator sees exactly those fields; consent withdrawn →
// coordinator gets 403"), with two people in two browsers:
//
// 1. the counsellor creates a person in Bramsche and records her consent for the
//    Willkommensinitiative Bramsche to see "Kontakt und Wohnort" and "Sprache und Bildung";
// 2. on the person's referral page a referral without a basis is refused with the reason,
//    then sent with the consent as its basis;
// 3. the volunteer coordinator finds it in the incoming referrals without the person's name,
//    accepts it and opens the shared data: exactly the contact and the language sections,
//    the phone number shown, the name and residence withheld (screenshot);
// 4. the counsellor withdraws the consent on the person page;
// 5. the coordinator's next request for the person's data is answered 403, and the
//    referral shows as withdrawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext, login, submitAndWait, screenshot, text, DOCS_SCREENSHOT_DIR } from './helpers.js';

const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
const VOLUNTEERS = 'Willkommensinitiative Bramsche';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const clean = (s) => (s || '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

function letterSuffix() {
  const syllables = ['ba', 'de', 'ka', 'li', 'mo', 'nu', 'ra', 'se', 'ti', 'zo', 'fa', 'ge', 'hi', 'jo', 'pu', 'wi'];
  let n = Date.now() * 16 + Math.floor(Math.random() * 16);
  let s = '';
  for (let i = 0; i < 5; i++) { s += syllables[n % 16]; n = Math.floor(n / 16); }
  return s[0].toUpperCase() + s.slice(1);
}

async function optionValue(page, selector, labelPrefix) {
  const options = await page.locator(`${selector} option`).evaluateAll((os) =>
    os.map((o) => ({ value: o.value, label: (o.textContent || '').trim() })));
  const hit = options.find((o) => o.value && o.label.startsWith(labelPrefix));
  assert.ok(hit, `no option starting with "${labelPrefix}" in ${selector}: ${JSON.stringify(options.map((o) => o.label))}`);
  return hit.value;
}

test('referral to volunteers: scoped data for the coordinator, 403 after the consent is withdrawn', async () => {
  const stamp = letterSuffix();
  const family = `Haidari-${stamp}`;
  const given = 'Mina';
  const phone = '0151 4455667';
  const purpose = `Sprachpatenschaft ${stamp}`;
  const counsellor = await newContext(browser);
  const volunteer = await newContext(browser);
  const cp = await counsellor.newPage();
  const vp = await volunteer.newPage();
  let current = cp;
  try {
    // --- 1. The counsellor: a person and her consent ---------------------------------------------
    await login(cp, 'counsellor');
    await cp.goto('/persons/new');
    await cp.fill('#family_name', family);
    await cp.fill('#given_names', given);
    await cp.selectOption('#sex', 'female');
    await cp.fill('#birth_date', '02.09.1991');
    await cp.fill('#nationalities', 'AF');
    await cp.fill('#phone', phone);
    await cp.selectOption('#municipality_id', { label: 'Bramsche' });
    await cp.selectOption('#residence_status', 'aufenthaltserlaubnis');
    await cp.selectOption('#german_level', 'A2');
    await cp.selectOption('#literate_latin', 'yes');
    await submitAndWait(cp, 'form[action="/persons"] button.primary[type="submit"]');
    const personPath = new URL(cp.url()).pathname;
    assert.match(personPath, /^\/persons\/[0-9a-f-]{36}$/, `person created: ${cp.url()} ${await text(cp, 'main')}`);

    await cp.click('#consents summary');
    await cp.selectOption('#consent-org', await optionValue(cp, '#consent-org', VOLUNTEERS));
    await cp.check('#consents input[name="scope_contact"]');
    await cp.check('#consents input[name="scope_education"]');
    await cp.fill('#consent-purpose', 'Sprachpatenschaft und Begleitung durch Ehrenamtliche');
    const today = new Date().toISOString().slice(0, 10);
    await cp.fill('#consent-given_on', today);
    await submitAndWait(cp, 'form[action$="/consents"] button.primary');
    assert.ok(clean(await text(cp, '#consents tbody')).includes(VOLUNTEERS), 'the consent is listed');

    // --- 2. The referral: refused without a basis, sent with the consent ------------------------
    await cp.goto(`${personPath}/referrals`);
    assert.equal(clean(await text(cp, 'h1')), `Vermittlungen: ${family}, ${given}`);
    await cp.selectOption('#r-org', await optionValue(cp, '#r-org', VOLUNTEERS));
    await cp.check('#new-referral input[name="scope_contact"]');
    await cp.check('#new-referral input[name="scope_education"]');
    await cp.fill('#r-purpose', purpose);
    await submitAndWait(cp, '#new-referral button[name="send"][value="1"]');
    assert.ok(clean(await text(cp, '#new-referral')).includes('Eine Vermittlung braucht die Einwilligung der Person oder eine gesetzliche Grundlage.'),
      `refused without a basis: ${await text(cp, '#new-referral')}`);
    const consentOption = await optionValue(cp, '#r-basis', VOLUNTEERS);
    await cp.selectOption('#r-basis', consentOption);
    await submitAndWait(cp, '#new-referral button[name="send"][value="1"]');
    const referralPath = new URL(cp.url()).pathname;
    assert.match(referralPath, /^\/referrals\/[0-9a-f-]{36}$/, `referral sent: ${cp.url()} ${await text(cp, 'main')}`);
    assert.equal(clean(await text(cp, '#referral-state')), 'gesendet');

    // --- 3. The coordinator: incoming, accept, exactly the shared classes ------------------------
    current = vp;
    await login(vp, 'volunteer_coordinator');
    await vp.goto('/referrals');
    const row = vp.locator('#referrals tbody tr', { hasText: purpose });
    assert.equal(await row.count(), 1, 'the referral is in the incoming box');
    assert.ok(!clean(await row.textContent()).includes(family), 'no name before acceptance');
    await row.locator('a').click();
    await vp.waitForURL((u) => u.pathname === referralPath);
    await submitAndWait(vp, '#referral-actions form[action$="/accept"] button');
    assert.equal(clean(await text(vp, '#referral-state')), 'angenommen');
    await vp.click('#scoped-person');
    await vp.waitForURL((u) => u.pathname === `${referralPath}/person`);
    const shown = await vp.locator('section.scoped').evaluateAll((ss) => ss.map((s) => s.dataset.class));
    assert.deepEqual(shown.sort(), ['contact', 'education'], 'exactly contact and language/education');
    const main = clean(await text(vp, 'main'));
    assert.ok(main.includes(phone), 'the phone number is shared');
    assert.ok(!main.includes(family), 'the name is not shared');
    assert.ok(!main.includes('Aufenthaltserlaubnis'), 'the residence is not shared');
    assert.ok(clean(await text(vp, '#withheld')).includes('Aufenthalt und Leistungen'));
    const shot = await screenshot(vp, 'referral-scoped');
    if (UPDATE_DOCS) {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(shot, join(DOCS_SCREENSHOT_DIR, 'referral-scoped.png'));
    }

    // --- 4. The counsellor withdraws the consent --------------------------------------------------
    current = cp;
    await cp.goto(personPath);
    const consentRow = cp.locator('#consents tbody tr', { hasText: VOLUNTEERS });
    await submitAndWait(cp, `#consents tbody tr:has-text("${VOLUNTEERS}") form[action$="/withdraw"] button`);
    assert.ok(clean(await consentRow.textContent()).includes('widerrufen'), `withdrawn: ${await consentRow.textContent()}`);

    // --- 5. The coordinator's access ended: 403 ---------------------------------------------------
    current = vp;
    const res = await vp.goto(`${referralPath}/person`);
    assert.equal(res.status(), 403, 'the person\'s data are refused after the withdrawal');
    assert.ok(!clean(await text(vp, 'main')).includes(phone));
    await vp.goto(referralPath);
    assert.equal(clean(await text(vp, '#referral-state')), 'zurückgezogen');
    assert.equal(await vp.locator('#scoped-person').count(), 0);
  } catch (e) {
    await screenshot(current, 'network-referral-failure').catch(() => {});
    throw e;
  } finally {
    await counsellor.close();
    await volunteer.close();
  }
});
