// Portal editor (issue 6, part 2): the demo editor (bound to the county and Bramsche) opens
// the page tree, edits the German source (a major edit outdates the Arabic translation),
// opens the side-by-side view for Arabic (right-to-left form), changes the translation and
// publishes it: the status shows up to date and the revision is listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, login, submitAndWait, screenshot, text } from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('portal-editor: edit German, translate Arabic side by side, publish, see the revision', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  try {
    await login(page, 'editor');
    await page.goto('/editor');
    assert.ok(await page.locator('#region-bramsche').count(), 'Bramsche is the editor\'s');
    assert.equal(await page.locator('#region-melle').count(), 0, 'Melle is not');

    // The tree: the first page's German badge leads to its text.
    await page.goto('/editor/bramsche');
    const first = page.locator('#page-tree > li').first();
    const href = await first.locator('a[data-lang="de"]').getAttribute('href');
    assert.match(href, /^\/editor\/bramsche\/pages\/\d+\/de$/);
    const base = href.replace(/\/de$/, '');

    // A major edit of the German source.
    await page.goto(href);
    const stamp = Date.now().toString(36);
    await page.fill('#t-content', `<p>Neuer Hinweis ${stamp}: Das Bürgerbüro hat donnerstags länger geöffnet.</p>`);
    await submitAndWait(page, '#save-published');
    assert.match(await text(page, '.alert.success'), /gespeichert/);

    // Arabic: outdated now, shown side by side with the German source, right to left.
    await page.goto(`${base}/ar`);
    assert.equal(await page.getAttribute('#translation-status', 'data-status'), 'outdated');
    assert.match(await text(page, '#source-text'), new RegExp(stamp));
    assert.equal(await page.getAttribute('#t-content', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('#t-content', 'lang'), 'ar');
    await page.fill('#t-content', `<p>ملاحظة جديدة ${stamp}: مكتب المواطنين مفتوح لفترة أطول يوم الخميس.</p>`);
    await screenshot(page, 'portal-editor-arabic');
    await submitAndWait(page, '#save-published');
    assert.equal(await page.getAttribute('#translation-status', 'data-status'), 'up_to_date');

    // The revision is listed, the newest first and marked current.
    await page.click('#revisions-link');
    await page.waitForLoadState('load');
    const newest = page.locator('#revisions > li').first();
    assert.match(await newest.innerText(), /aktuell/);
    assert.match(await newest.locator('details').textContent(), new RegExp(stamp));
    assert.ok(await page.locator('#revisions > li').count() >= 2, 'the imported version is kept');
  } catch (e) {
    await screenshot(page, `FAILED-portal-editor-${Date.now()}`).catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
});
