// The public portal for newcomers, in the browser (issue 6's acceptance tests):
//
// 1. read a page in Arabic on a phone: right-to-left layout (screenshot kept in docs/);
// 2. the first visit stays under 200 KB (HTML + CSS + JS); the service worker keeps the
//    region and language, then the reader goes offline and still reads that page and one
//    never opened before, with a note that the copy is the saved one;
// 3. print preview of a page: navigation, search and feedback are not printed;
// 4. download the PDF of a page in Farsi; pdftotext gets its text in reading order;
// 5. the iCal subscribe URL of the events page parses back (events, rules, time zone);
// 6. search with a typo and the feedback form, without JavaScript too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, newContext, screenshot, SCREENSHOT_DIR, DOCS_SCREENSHOT_DIR } from './helpers.js';

const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
const COUNTY = '/portal/landkreis-osnabrueck';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Whitespace collapsed; direction marks and embeddings (which pdftotext adds around runs)
// and the zero-width non-joiner (which it moves by one letter) are not text.
const squash = (s) => (s || '').replace(/[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

test('portal: an Arabic page is laid out right to left on a phone', async () => {
  const ctx = await newContext(browser, { ...PHONE, locale: 'ar' });
  const page = await ctx.newPage();
  try {
    await page.goto(`${COUNTY}/ar/pages/6`);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction), 'rtl');
    assert.match(await page.locator('h1').innerText(), /دورة الاندماج/);
    // Right to left: the region name starts at the right edge, the language button at the left.
    const brand = await page.locator('.brand').boundingBox();
    const langs = await page.locator('.langs summary').boundingBox();
    assert.ok(brand.x + brand.width > 390 - 40, `brand at the right: ${JSON.stringify(brand)}`);
    assert.ok(langs.x < brand.x, 'language switcher left of the region name');
    // Nothing wider than the phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
    // The switcher lists the languages of this page and leads to the same page.
    await page.locator('.langs summary').click();
    const codes = await page.locator('.langs a').evaluateAll((as) => as.map((a) => a.getAttribute('hreflang')));
    assert.deepEqual(codes, ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr']);
    await page.locator('.langs summary').click();
    // The first screen, as the phone shows it (the whole page is in portal-arabic-full.png).
    await screenshot(page, 'portal-arabic-full', { fit: true });
    const shot = await screenshot(page, 'portal-arabic', { fullPage: false });
    if (UPDATE_DOCS) {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(shot, join(DOCS_SCREENSHOT_DIR, 'portal-arabic.png'));
    }
  } finally {
    await ctx.close();
  }
});

test('portal: small first visit, then offline reading of the kept region and language', async () => {
  const ctx = await newContext(browser, { ...PHONE, locale: 'ar' });
  const page = await ctx.newPage();
  try {
    await page.goto(`${COUNTY}/ar`, { waitUntil: 'load' });
    // What the browser transferred for the page itself (document, CSS, script), headers included.
    const first = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return entries.map((e) => ({ name: e.name, bytes: e.transferSize || e.encodedBodySize || 0 }));
    });
    const total = first.reduce((n, e) => n + e.bytes, 0);
    console.log(`portal first visit: ${first.length} responses, ${total} bytes: ${first.map((e) => `${new URL(e.name).pathname} ${e.bytes}`).join(', ')}`);
    assert.ok(first.length >= 3 && total > 0, 'document, stylesheet and script measured');
    assert.ok(total < 200 * 1024, `first visit ${total} bytes`);
    // The worker has saved the region in Arabic.
    await page.waitForSelector('#offline-status[data-saved]', { timeout: 30_000 });
    const fetched = Number(await page.locator('#offline-status').getAttribute('data-fetched'));
    console.log(`offline copy: ${fetched} downloads by the service worker`);
    assert.ok(fetched > 30, `pages, events and places kept: ${fetched}`);

    // A second visit revalidates: offline.json is 304, nothing is downloaded again.
    await page.goto(`${COUNTY}/ar/pages/5`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#offline-status')?.getAttribute('data-fetched') === '0', null, { timeout: 30_000 });

    await ctx.setOffline(true);
    await page.goto(`${COUNTY}/ar/pages/6`);
    assert.match(await page.locator('h1').innerText(), /دورة الاندماج/);
    const note = squash(await page.locator('#offline-status').innerText());
    assert.match(note, /أنت غير متصل بالإنترنت/, note);
    // A page never opened in the browser, events and places are there too.
    await page.goto(`${COUNTY}/ar/pages/19`);
    assert.match(await page.locator('h1').innerText(), /MBE/);
    await page.goto(`${COUNTY}/ar/events`);
    assert.ok(await page.locator('.event-row').count() >= 1);
    await page.goto(`${COUNTY}/ar/places/501`);
    assert.equal(await page.locator('table.hours').first().locator('tr').count(), 7);
    // Another region was not kept: the offline page says so (or the browser's error page).
    const other = await page.goto('/portal/melle/ar/pages/201').catch(() => null);
    assert.ok(!other || other.status() !== 200 || (await page.content()).includes('offline'));
    await screenshot(page, 'portal-offline', { fit: true });
  } finally {
    await ctx.setOffline(false);
    await ctx.close();
  }
});

test('portal: print preview shows the content without navigation and forms', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  try {
    await page.goto(`${COUNTY}/de/pages/6`);
    assert.equal(await page.locator('button[data-print]').isVisible(), true, 'print button with JavaScript');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.top', '#feedback', '.actions']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} not printed`);
    }
    assert.equal(await page.locator('article.content h1').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'portal-print-preview.pdf'), pdf);
    const text = pdfText(pdf);
    assert.match(text, /Integrationskurs/);
    assert.doesNotMatch(text, /War diese Seite hilfreich/, 'feedback form not printed');
    await screenshot(page, 'portal-print', { fit: true });
  } finally {
    await ctx.close();
  }
});

/** Text of a PDF in reading order (pdftotext from poppler-utils). */
function pdfText(bytes) {
  const file = join(tmpdir(), `ankommen-e2e-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(file, { force: true });
  }
}

test('portal: the PDF of a Farsi page has its text in reading order', async () => {
  const ctx = await newContext(browser, { locale: 'fa', acceptDownloads: true });
  const page = await ctx.newPage();
  try {
    await page.goto(`${COUNTY}/fa/pages/5`);
    const title = squash(await page.locator('h1').innerText());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href*="/pdf?page=5"]').click(),
    ]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const text = squash(pdfText(bytes));
    assert.ok(text.includes(title), `title "${title}" in: ${text.slice(0, 400)}`);
    // The children follow their parent, in the tree's order.
    const children = ['دوره ادغام', 'دوره سوادآموزی', 'دوره‌های زبان شغلی'];
    let at = text.indexOf(title);
    for (const child of children) {
      const next = text.indexOf(squash(child), at + 1);
      assert.ok(next > at, `"${child}" after position ${at}: ${text.slice(0, 600)}`);
      at = next;
    }
  } finally {
    await ctx.close();
  }
});

/** iCalendar lines with folded lines joined (RFC 5545 3.1). */
function unfold(ics) {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l.length > 0);
}

test('portal: the calendar subscription parses back', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  try {
    await page.goto('/portal/bramsche/de/events');
    const href = await page.locator('a[data-subscribe]').getAttribute('href');
    const res = await ctx.request.get(href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /^text\/calendar/);
    const raw = await res.text();
    assert.ok(raw.includes('\r\n'), 'CRLF line ends');
    for (const line of raw.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    const lines = unfold(raw);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    assert.ok(lines.includes('BEGIN:VTIMEZONE') && lines.includes('TZID:Europe/Berlin'));
    const events = [];
    let cur = null;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') cur = {};
      else if (line === 'END:VEVENT') { events.push(cur); cur = null; }
      else if (cur) {
        const i = line.indexOf(':');
        cur[line.slice(0, i).split(';')[0]] = { params: line.slice(0, i), value: line.slice(i + 1) };
      }
    }
    assert.ok(events.length >= 3, `${events.length} events`);
    for (const e of events) {
      for (const key of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) assert.ok(e[key], `${key} in ${JSON.stringify(e)}`);
      if (!e.DTSTART.params.includes('VALUE=DATE')) assert.match(e.DTSTART.params, /TZID=Europe\/Berlin/);
    }
    const monthly = events.find((e) => e.SUMMARY.value.includes('Sprechstunde der Integrationslotsen'));
    assert.ok(monthly, 'the monthly office hours');
    assert.match(monthly.RRULE.value, /FREQ=MONTHLY/);
    assert.match(monthly.RRULE.value, /BYDAY=1TU/);
    // One event's own file, from its page.
    await page.goto('/portal/bramsche/de/events/812');
    const one = await ctx.request.get(await page.locator('a[href$=".ics"]').getAttribute('href'));
    const oneLines = unfold(await one.text());
    assert.equal(oneLines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  } finally {
    await ctx.close();
  }
});

test('portal: search with a typo and feedback, also without JavaScript', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const ctx = await newContext(browser, { ...PHONE, locale: 'ar', javaScriptEnabled });
    const page = await ctx.newPage();
    try {
      await page.goto(`${COUNTY}/ar`);
      await page.fill('#q', 'دوره الاندماج');
      await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#q', 'Enter')]);
      const first = page.locator('ol.hits a').first();
      assert.match(await first.innerText(), /دورة الاندماج/);
      await Promise.all([page.waitForURL(/\/pages\/6$/), first.click()]);
      await page.check('input[name="rating"][value="up"]');
      await page.fill('#feedback-comment', javaScriptEnabled ? 'مفيد' : 'مفيد بدون جافاسكربت');
      await Promise.all([page.waitForURL(/feedback=sent/), page.click('#feedback button[type="submit"]')]);
      assert.match(await page.locator('#feedback .notice').innerText(), /شكرًا/);
      if (!javaScriptEnabled) {
        assert.equal(await page.locator('button[data-print]').isVisible(), false, 'no print button without script');
        assert.ok(await page.locator('a[href*="/pdf?page=6"]').isVisible(), 'the PDF link works without script');
      }
    } finally {
      await ctx.close();
    }
  }
});
