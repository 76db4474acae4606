import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { driveToEnd, openTasks, submissionFor, work } from '../e2e/support/drive.js';
import { startTestApp, type HttpClient, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';

const PASSWORD = 'MotCua@2026';
const HOUSEHOLD = 'Thành lập và hoạt động của hộ kinh doanh';

/** An online submission accepted at the unit's desk: the clock starts. */
async function receive(t: TestApp, admin: HttpClient, procedure: string, agency: string): Promise<string> {
  const submitted = await t.anonymous().post('/api/public/dossiers', { ...submissionFor(procedure), agency });
  if (submitted.status !== 201 && submitted.status !== 200) throw new Error(`Expected the submission to be taken, but got ${submitted.status} ${submitted.text}`);
  const code = submitted.body.code as string;
  const [reception] = await openTasks(admin, code);
  const accepted = await work(t, reception!, 'accept');
  if (accepted.status !== 200) throw new Error(`Expected ${code} to be accepted, but got ${accepted.status} ${accepted.text}`);
  return code;
}

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/dang-nhap?next=${encodeURIComponent('/bao-cao')}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((address) => address.pathname === '/bao-cao');
}

async function attributes(locator: Locator, name: string): Promise<string[]> {
  return Promise.all((await locator.all()).map(async (element) => (await element.getAttribute(name)) ?? ''));
}

/** The 06a table once its figures arrived. */
async function waitFor06a(page: Page): Promise<void> {
  await page.locator('table[data-report06a]:not([aria-busy])').waitFor();
}

/** The numbers of one line of the 06a table, by column. */
async function countsOf(page: Page, line: string): Promise<Record<string, number>> {
  const cells = await page.locator(`table[data-report06a] ${line} td[data-column]`).all();
  const counts: Record<string, number> = {};
  for (const cell of cells) counts[(await cell.getAttribute('data-column'))!] = Number((await cell.textContent())!.trim().replace(/\./g, ''));
  return counts;
}

/**
 * The auditors' dashboard in a real browser, over dossiers worked through the API:
 * a birth registration in March, three household businesses received on 28/4
 * (due 5/5 after the holidays) resolved early, on time and late, and a birth
 * registration at another ward in May. Read on 8/5/2026.
 */
describe('auditor dashboard in Chromium', function () {
  this.timeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let auditor: BrowserContext;
  let page: Page;
  const codes = { march: '', early: '', onTime: '', late: '', thanhKhe: '' };

  before(async function () {
    browser = await launchBrowser(this);
    t = await startTestApp({ at: '2026-03-10T08:00:00+07:00' });
    const admin = await t.login('quantri');
    codes.march = await receive(t, admin, 'khai-sinh', 'hai-chau');
    t.clock.set(new Date('2026-03-10T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.march);
    t.clock.set(new Date('2026-04-28T08:00:00+07:00'));
    codes.early = await receive(t, admin, 'dang-ky-ho-kinh-doanh', 'hai-chau');
    codes.onTime = await receive(t, admin, 'dang-ky-ho-kinh-doanh', 'hai-chau');
    codes.late = await receive(t, admin, 'dang-ky-ho-kinh-doanh', 'hai-chau');
    t.clock.set(new Date('2026-05-04T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.early);
    codes.thanhKhe = await receive(t, admin, 'khai-sinh', 'thanh-khe');
    await driveToEnd(t, admin, codes.thanhKhe);
    t.clock.set(new Date('2026-05-05T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.onTime);
    t.clock.set(new Date('2026-05-06T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.late);
    t.clock.set(new Date('2026-05-08T10:00:00+07:00'));

    auditor = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await signIn(await auditor.newPage(), t.url, 'kiemtra');
  });
  beforeEach(async () => {
    page = await auditor.newPage();
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should count each dossier of the year in its column of form 06a', async () => {
    // when
    await page.goto(`${t.url}/bao-cao`);
    await waitFor06a(page);

    // then
    expect(await countsOf(page, 'tr[data-total]')).to.deep.equal({
      received: 5,
      receivedOnline: 5,
      receivedInPerson: 0,
      carriedOver: 0,
      resolved: 5,
      resolvedEarly: 1,
      resolvedOnTime: 3,
      resolvedLate: 1,
      inProgress: 0,
      inProgressInTime: 0,
      inProgressLate: 0,
    });
    expect(await countsOf(page, `tr[data-row="${HOUSEHOLD}"]`)).to.include({ received: 3, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 1 });
    expect(await countsOf(page, 'tr[data-row="Hộ tịch"]')).to.include({ received: 2, resolvedOnTime: 2, resolvedLate: 0 });
    expect(await page.locator('[data-scope-line]').textContent()).to.include('01/01/2026').and.include('31/12/2026');
    expect(await page.locator('[data-report-date]').textContent()).to.include('08/05/2026');
    await screenshot(page, 'dashboard-year');
  });

  it('should list the late dossier behind the late cell in a dialog that Escape closes', async () => {
    // given
    await page.goto(`${t.url}/bao-cao`);
    await waitFor06a(page);
    const late = page.locator('tr[data-total] td[data-column="resolvedLate"] button');

    // when
    await late.click();

    // then
    const dialog = page.locator('dialog[data-cell-dialog]');
    await dialog.locator('tr[data-dossier]').first().waitFor();
    expect(await attributes(dialog.locator('tr[data-dossier]'), 'data-dossier')).to.deep.equal([codes.late]);
    const line = await dialog.locator('tr[data-dossier]').textContent();
    expect(line).to.include('Đăng ký thành lập hộ kinh doanh').and.include('28/04/2026').and.include('05/05/2026').and.include('06/05/2026');
    expect(await page.evaluate('document.activeElement.id')).to.equal('cell-title');
    expect(await dialog.locator('[data-cell-status]').textContent()).to.include('1 trên 1');
    expect(await dialog.locator('[data-more]').isVisible()).to.equal(false);
    await screenshot(page, 'dashboard-drill-down');

    // when
    await page.keyboard.press('Escape');

    // then
    expect(await dialog.getAttribute('open')).to.equal(null);
    expect(await page.evaluate('document.activeElement.closest("td")?.dataset.column')).to.equal('resolvedLate');

    // when the keyboard opens it again and the backdrop is clicked
    await page.keyboard.press('Enter');
    await dialog.locator('tr[data-dossier]').first().waitFor();
    await page.mouse.click(5, 5);

    // then
    expect(await dialog.getAttribute('open')).to.equal(null);
  });

  it('should draw the on-time charts with a text summary of every unit', async () => {
    // when
    await page.goto(`${t.url}/bao-cao`);
    const byUnit = page.locator('[data-chart="unit"]');
    await byUnit.locator('[data-chart-summary] table').waitFor({ state: 'attached' });

    // then Hải Châu resolved 3 of 4 early or on time, Thanh Khê 1 of 1
    const summary = await byUnit.locator('[data-chart-summary]').textContent();
    expect(summary).to.include('Ủy ban nhân dân phường Hải Châu').and.include('Ủy ban nhân dân phường Thanh Khê');
    expect(summary).to.include('75,0\u00a0%').and.include('100,0\u00a0%');
    expect(await byUnit.locator('canvas').getAttribute('aria-label')).to.include('Hải Châu').and.include('75,0\u00a0%');
    for (const chart of ['unit', 'procedure', 'month']) {
      const drawn = await page.evaluate(
        `(() => { const c = document.querySelector('[data-chart="${chart}"] canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return c.width > 0 && d.some((v) => v !== 0); })()`,
      );
      expect(drawn, chart).to.equal(true);
    }
    const months = await page.locator('[data-chart="month"] [data-chart-summary] tbody tr').count();
    expect(months).to.equal(12);
    await page.locator('[data-section="charts"]').screenshot({ path: 'test-artifacts/screenshots/dashboard-charts.png' });
  });

  it('should change the numbers with the month in the address', async () => {
    // when
    await page.goto(`${t.url}/bao-cao?period=2026-03`);
    await waitFor06a(page);

    // then only the March birth registration
    expect(await countsOf(page, 'tr[data-total]')).to.include({ received: 1, carriedOver: 0, resolved: 1, resolvedOnTime: 1, resolvedLate: 0 });

    // when
    await page.goto(`${t.url}/bao-cao?period=2026-05`);
    await waitFor06a(page);

    // then the three household businesses come over from April, one birth is received
    expect(await countsOf(page, 'tr[data-total]')).to.include({ received: 4, carriedOver: 3, receivedOnline: 1, resolved: 4, resolvedEarly: 1, resolvedOnTime: 2, resolvedLate: 1 });
    expect(await page.locator('#f-kind').inputValue()).to.equal('month');
    expect(await page.locator('#f-month').inputValue()).to.equal('5');
  });

  it('should put the month picked in the form into a short address', async () => {
    // given
    await page.goto(`${t.url}/bao-cao`);

    // when
    await page.getByLabel('Loại kỳ').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).selectOption('3');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('hai-chau');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();

    // then
    await page.waitForURL(/period=2026-03/);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).to.deep.equal({ period: '2026-03', unit: 'hai-chau' });
    await waitFor06a(page);
    expect(await countsOf(page, 'tr[data-total]')).to.include({ received: 1, resolvedOnTime: 1 });
  });

  it('should keep dates typed wrongly, say what is wrong, and take them once corrected', async () => {
    // given
    await page.goto(`${t.url}/bao-cao`);
    await page.getByLabel('Loại kỳ').selectOption('range');

    // when
    await page.getByLabel('Từ ngày').fill('01/05/2026');
    await page.getByLabel('Đến ngày').fill('31/02/2026');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();

    // then
    await page.locator('#f-to-error:not(:empty)').waitFor();
    expect(await page.locator('#f-to-error').textContent()).to.include('31/02/2026');
    expect(await page.locator('#f-to').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('#f-from').inputValue()).to.equal('01/05/2026');
    expect(await page.locator('#f-to').inputValue()).to.equal('31/02/2026');
    expect(await page.locator('[role="alert"][data-filter-problems] a[href="#f-to"]').textContent()).to.match(/^Đến ngày: «31\/02\/2026»/);
    await screenshot(page, 'dashboard-date-error');

    // when
    await page.getByLabel('Đến ngày').fill('31/05/2026');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();

    // then
    await page.waitForURL(/from=2026-05-01&to=2026-05-31/);
    await waitFor06a(page);
    expect(await countsOf(page, 'tr[data-total]')).to.include({ carriedOver: 3, resolved: 4 });
  });

  it('should link to the 06a exports of the filters shown, each of its own type', async () => {
    // given
    await page.goto(`${t.url}/bao-cao?period=2026-05&unit=hai-chau`);
    const formats = await attributes(page.locator('a[data-export]'), 'data-export');
    const hrefs = await attributes(page.locator('a[data-export]'), 'href');
    const links = formats.map((format, index) => [format, hrefs[index]!] as const);

    // when
    const answers = await Promise.all(links.map(async ([format, href]) => [format, href, await page.request.get(`${t.url}${href}`)] as const));

    // then
    const types = Object.fromEntries(answers.map(([format, href, response]) => {
      expect(href, format).to.include('period=2026-05').and.include('unit=hai-chau');
      expect(response.status(), format).to.equal(200);
      return [format, response.headers()['content-type']!.split(';')[0]];
    }));
    expect(types).to.deep.equal({ csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', html: 'text/html' });
  });

  it('should show the late steps and the 766 figures, the points marked as estimates', async () => {
    // when
    await page.goto(`${t.url}/bao-cao`);
    await page.locator('table[data-lateness-units]:not([aria-busy])').waitFor();
    await page.locator('table[data-indicators]:not([aria-busy])').waitFor();

    // then the steps are sorted by late count
    const lateCounts = await page.locator('table[data-lateness-steps] tbody td[data-late-steps]').allTextContents();
    expect(lateCounts.length).to.be.greaterThan(0);
    expect(Number(lateCounts[0])).to.be.greaterThan(0);
    expect(lateCounts.map(Number)).to.deep.equal([...lateCounts.map(Number)].sort((a, b) => b - a));
    // 4 of 5 resolved early or on time
    const total = await page.locator('table[data-indicators] tr.total td').first().textContent();
    expect(total).to.include('80,0\u00a0%').and.include('4/5');
    expect(await page.locator('table[data-indicators] th.estimated').count()).to.equal(3);
    expect(await page.locator('table[data-indicators] th.estimated').first().textContent()).to.include('ước tính');
    await screenshot(page, 'dashboard-lateness-766');
  });

  it('should fit a phone screen without sideways scrolling of the page', async () => {
    // given
    const small = await browser.newContext({ viewport: { width: 360, height: 740 }, storageState: await auditor.storageState() });
    const phone = await small.newPage();

    // when
    await phone.goto(`${t.url}/bao-cao`);
    await waitFor06a(phone);

    // then
    expect(await phone.evaluate('document.documentElement.scrollWidth')).to.be.at.most(360);
    await screenshot(phone, 'dashboard-phone');
    await small.close();
  });

  it('should speak English with the same figures after the language switch', async () => {
    // given
    const english = await browser.newContext({ storageState: await auditor.storageState() });
    const englishPage = await english.newPage();

    // when
    await englishPage.goto(`${t.url}/ngon-ngu?lang=en&next=${encodeURIComponent('/bao-cao?period=2026-05')}`);
    await waitFor06a(englishPage);
    await englishPage.locator('[data-chart="unit"] [data-chart-summary] table').waitFor({ state: 'attached' });

    // then
    expect(await englishPage.locator('#report06a-title').textContent()).to.match(/^Form 06a/);
    expect(await countsOf(englishPage, 'tr[data-total]')).to.include({ carriedOver: 3, resolvedLate: 1 });
    expect(await englishPage.locator('[data-chart="unit"] [data-chart-summary]').textContent()).to.include('66.7\u00a0%');
    await english.close();
  });

  it('should refuse an officer with a page that says why', async () => {
    // given
    const officer = await browser.newContext();
    const officerPage = await officer.newPage();

    // when
    await officerPage.goto(`${t.url}/dang-nhap?next=${encodeURIComponent('/bao-cao')}`);
    await officerPage.getByLabel('Tên đăng nhập').fill('chuyenvien.haichau');
    await officerPage.getByLabel('Mật khẩu').fill(PASSWORD);
    const answer = officerPage.waitForResponse((response) => new URL(response.url()).pathname === '/bao-cao');
    await officerPage.getByRole('button', { name: 'Đăng nhập' }).click();

    // then
    expect((await answer).status()).to.equal(403);
    expect(await officerPage.locator('h1').textContent()).to.equal('Không có quyền truy cập');
    expect(await officerPage.locator('[data-report06a]').count()).to.equal(0);
    await officer.close();
  });
});
