import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../e2e/support/testApp.js';
import { samplePdf } from '../e2e/support/samplePdf.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { formFixture, typeFixture } from './support/citizenForm.js';

const PASSWORD = 'MotCua@2026';
const STUDIO_READY = '[data-studio][data-ready="true"]';
/** The one choice the new appraisal step offers. */
const APPRAISED = 'Hồ sơ hợp lệ, chuyển tra cứu';
/** The field the designer adds to the submission form. */
const NEW_FIELD = { key: 'submitTo', title: 'Cơ quan, tổ chức sẽ nộp Phiếu', value: 'Công ty Cổ phần Phần mềm Sông Hàn' };

const CERTIFICATE = formFixture('ly-lich-tu-phap.valid');
const RESIDENCES = CERTIFICATE.residences as unknown[];

/** The task headers of a step, read in the page from the modeler's business object. */
const headersOf = `(handle, id) => {
  const element = handle.modeler.get('elementRegistry').get(id);
  const values = element.businessObject.extensionElements?.values ?? [];
  const headers = values.find((v) => v.$type === 'zeebe:TaskHeaders')?.values ?? [];
  const group = values.find((v) => v.$type === 'zeebe:AssignmentDefinition');
  return Object.fromEntries([...headers.map((h) => [h.key, h.value]), ['role', group?.candidateGroups]]);
}`;

async function openGroup(page: Page, label: string): Promise<void> {
  const header = page.locator('#properties .bio-properties-panel-group-header', { hasText: label });
  if ((await header.getAttribute('class'))?.includes('open')) return;
  await header.click();
}

/** The screen centre of an element of the process diagram. */
async function centreOf(page: Page, elementId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`#panel-process .djs-element[data-element-id="${elementId}"]`).boundingBox();
  if (!box) throw new Error(`Expected the element '${elementId}' on the diagram, but it is not drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The space tool dragged right from the middle of a flow: everything right of it moves. */
async function makeRoomOnFlow(page: Page, flowId: string, width: number): Promise<void> {
  const { x, y } = await centreOf(page, flowId);
  await page.locator('[data-action="space-tool"]').click();
  await page.mouse.move(x, y + 40);
  await page.mouse.down();
  await page.mouse.move(x + width / 2, y + 40, { steps: 5 });
  await page.mouse.move(x + width, y + 40, { steps: 5 });
  await page.mouse.up();
}

/** A step kind dragged from the palette and dropped on a flow, which bpmn-js splits around it. */
async function dropStepOnFlow(page: Page, kind: string, flowId: string): Promise<void> {
  const entry = await page.locator(`[data-action="create.motcua-step-${kind}"]`).boundingBox();
  if (!entry) throw new Error(`Expected the palette entry of the step kind '${kind}'`);
  const target = await centreOf(page, flowId);
  await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x - 60, target.y, { steps: 10 });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
}

/** Adds places to the residences with the list's button, named in words, until it has `count`. */
async function addResidences(page: Page, count: number): Promise<void> {
  const residences = page.locator('#form_residences');
  while ((await residences.locator('[id$="_from"]').count()) < count) {
    await page.getByRole('button', { name: 'Thêm mục', exact: true }).click();
  }
}

/**
 * The list's buttons say what they do, stay readable under the pointer, and the list
 * fits a 360-px screen without sideways scrolling.
 */
async function expectReadableListButtons(page: Page, items: number): Promise<void> {
  const remove = page.locator('#form_residences').getByRole('button', { name: 'Xóa mục', exact: true });
  expect(await remove.count()).to.equal(items);
  await remove.first().hover();
  const colours = await page.evaluate<string[]>("(() => { const style = getComputedStyle(document.querySelector('#form_residences_0__remove')); return [style.color, style.backgroundColor]; })()");
  expect(colours[0], 'text and background of a hovered button').to.not.equal(colours[1]);
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).to.equal(0);
  await page.setViewportSize(wide);
}

function stepSection(page: Page, name: string): Locator {
  return page.locator('.officer-step', { has: page.locator('h3', { hasText: name }) });
}

/** An open step worked on the dossier page: its outcome chosen, its form filled, claimed and completed. */
async function workStep(page: Page, name: string, outcome: string, fill?: (form: Locator) => Promise<unknown>): Promise<void> {
  const form = stepSection(page, name).locator('[data-step-form]');
  await form.getByLabel(outcome, { exact: true }).check();
  if (fill) await fill(form);
  await form.getByRole('button', { name: /hoàn thành bước/i }).click();
  await page.locator('[data-history]', { hasText: `bước «${name}»: ${outcome}.` }).waitFor();
}

/** In the test run, the waiting step completed with one of its outcomes. */
async function choose(page: Page, element: string, outcome: string): Promise<void> {
  const item = page.locator(`[data-open="${element}"]`);
  await item.waitFor();
  await item.getByRole('button', { name: outcome }).click();
  await item.waitFor({ state: 'detached' });
}

/** The cells of the first row of a table whose text includes `text`. */
async function cellsOf(page: Page, table: string, text: string): Promise<string[]> {
  return page.locator(`${table} tbody tr`, { hasText: text }).first().locator('td').allTextContents();
}

/**
 * The product end to end in a real browser, on a fresh service whose clock starts on
 * Monday 2/3/2026 at 08:00: the designer adds an appraisal step and a form field to
 * ly-lich-tu-phap and deploys version 2; a citizen submits it online; the desk of Hải Châu,
 * the Department of Justice's specialist and leader, then the desk again work it from
 * their inboxes over three days; the auditor finds it resolved early in form 06a.
 * The steps build on each other, in order, on the same dossier.
 */
describe('scenario: a procedure changed by its designer, then submitted, worked and reported, in Chromium', function () {
  this.timeout(300_000);
  let t: TestApp;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let appraisal = '';
  let code = '';

  /** A fresh browser window without a session: the public, a citizen. */
  async function visitor(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  /** The dossier's row in the inbox, then its page. */
  async function openFromInbox(page: Page, name: string): Promise<void> {
    await page.goto(`${t.url}/can-bo`);
    const row = page.locator(`tr[data-dossier-code="${code}"]`);
    await row.waitFor();
    await screenshot(page, name);
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL((address) => address.pathname === `/can-bo/ho-so/${code}`);
  }

  async function signedIn(username: string, next: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.url}/dang-nhap?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((address) => address.pathname === next);
    return page;
  }

  // The steps build on each other: after a failure the later ones have nothing to work on.
  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  before(async function () {
    browser = await launchBrowser(this);
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
  });
  after(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await browser?.close();
    await t?.close();
  });

  it('designer: should add an appraisal step from the palette, give it a duration, a unit and a role, add a form field, test-run and deploy version 2', async () => {
    // given
    const page = await signedIn('thietke', '/thiet-ke');
    const listed = page.locator('[data-procedure="ly-lich-tu-phap"]');
    await listed.waitFor();
    await screenshot(page, 'scenario-designer-list');
    await listed.getByRole('link').click();
    await page.waitForURL((address) => address.pathname === '/thiet-ke/ly-lich-tu-phap');
    await page.locator(STUDIO_READY).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-version-label]').textContent()).to.equal('Phiên bản 1');
    await screenshot(page, 'scenario-designer-opened');

    // when the designer makes room after the transfer and drops an appraisal step on the flow
    await makeRoomOnFlow(page, 'flowTransferred', 160);
    await dropStepOnFlow(page, 'process', 'flowTransferred');

    // then the step sits between the transfer and the search, its template applied
    const step = await page.evaluate<{ id: string; name: string; from: string[]; to: string[] }>(
      "(() => { const e = window.motcuaModeler.modeler.get('selection').get()[0]; return { id: e.id, name: e.businessObject.name, from: e.incoming.map((f) => f.source.id), to: e.outgoing.map((f) => f.target.id) }; })()",
    );
    expect(step).to.include({ name: 'Thẩm định hồ sơ' });
    expect(step.from).to.deep.equal(['transfer']);
    expect(step.to).to.deep.equal(['searchRecords']);
    appraisal = step.id;

    // when the designer sets who works it, its duration and its one choice in the properties panel
    const properties = page.locator('#properties');
    await openGroup(page, 'Phân công');
    await properties.getByLabel('Đơn vị thực hiện').selectOption({ label: 'Sở Tư pháp' });
    await properties.getByLabel('Vai trò thực hiện').selectOption({ label: 'Chuyên viên xử lý' });
    await openGroup(page, 'Thời hạn');
    await properties.getByLabel('Thời hạn của bước').fill('1d');
    await openGroup(page, 'Kết quả của bước');
    await properties.getByLabel('Các lựa chọn cho cán bộ').fill(`forward:${APPRAISED}`);

    // then the step carries them
    await page.waitForFunction(`(${headersOf})(window.motcuaModeler, ${JSON.stringify(appraisal)}).timeShare === '1d'`);
    await page.waitForFunction(`(${headersOf})(window.motcuaModeler, ${JSON.stringify(appraisal)}).outcomes === ${JSON.stringify(`forward:${APPRAISED}`)}`);
    const headers = await page.evaluate<Record<string, string>>(`(${headersOf})(window.motcuaModeler, ${JSON.stringify(appraisal)})`);
    expect(headers).to.include({ stepKind: 'process', agency: 'justice', role: 'specialist', timeShare: '1d', form: 'steps/process' });
    expect(await page.locator('[data-dirty-state]').textContent()).to.equal('Có thay đổi chưa triển khai');
    await screenshot(page, 'scenario-designer-step');

    // when the designer adds a required short text to the submission form
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
    const builder = page.locator('[data-form-builder]');
    await builder.locator('.fb-palette').getByRole('button', { name: 'Văn bản ngắn', exact: true }).click();
    const settings = builder.locator('.fb-settings');
    await settings.getByLabel('Tên trường (tiếng Việt)').fill(NEW_FIELD.title);
    await settings.getByLabel('Mã trường').fill(NEW_FIELD.key);
    await settings.getByLabel('Bắt buộc nhập').check();

    // then the preview shows it
    await builder.locator(`.fb-preview #root_${NEW_FIELD.key}`).waitFor();
    await screenshot(page, 'scenario-designer-form');

    // when the designer test-runs the draft, choosing the outcomes to the end
    await page.getByRole('tab', { name: 'Chạy thử' }).click();
    await page.getByLabel('Thời điểm nộp hồ sơ (dd/MM/yyyy HH:mm)').fill('02/03/2026 08:00');
    await page.getByRole('button', { name: 'Bắt đầu chạy thử' }).click();
    await choose(page, 'receive', 'Tiếp nhận hồ sơ');
    await choose(page, 'transfer', 'Đã chuyển hồ sơ');
    await choose(page, appraisal, APPRAISED);
    await choose(page, 'searchRecords', 'Không cần xác minh, trình ký');
    await choose(page, 'approve', 'Ký Phiếu');
    await choose(page, 'returnResult', 'Đã trả kết quả');

    // then the run reaches the end through the new step, which is due one working day after it starts
    await page.locator('[data-run-state="completed"]').waitFor();
    const [, created, due] = await cellsOf(page, '[data-run-tasks]', 'Thẩm định hồ sơ');
    expect(created).to.equal('02/03/2026 08:00');
    expect(due).to.equal('03/03/2026 08:00');
    expect(await page.locator('[data-run-path] tbody').innerText()).to.include('Thẩm định hồ sơ');
    expect(await page.locator(`#panel-testrun .djs-element.studio-visited[data-element-id="${appraisal}"]`).count()).to.equal(1);
    await screenshot(page, 'scenario-designer-test-run');

    // when
    await page.getByRole('tab', { name: 'Triển khai' }).click();
    await page.getByLabel('Ghi chú thay đổi').fill('Thêm bước thẩm định hồ sơ và trường cơ quan nhận Phiếu');
    await page.getByRole('button', { name: 'Triển khai', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng ý triển khai' }).click();

    // then
    await page.locator('[data-deploy-status]:has-text("Đã triển khai phiên bản 2")').waitFor();
    // the status is written before the page has read the new version back
    await page.locator('[data-version-label]:text-is("Phiên bản 2")').waitFor();
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.locator('[data-versions] tr[data-version="2"]').waitFor();
    expect(await page.locator('[data-versions] tr[data-version="2"]').innerText()).to.include('thietke');
    await screenshot(page, 'scenario-designer-deployed');
  });

  it('citizen: should submit the new version online with the new field and uploads, and read the code and QR code on the receipt', async () => {
    // given
    const page = await visitor();
    await page.goto(`${t.url}/nop-ho-so/ly-lich-tu-phap`);
    await page.locator('#applicant_name').waitFor();

    // when
    await typeFixture(page, 'applicant', formFixture('applicant.valid'));
    await addResidences(page, RESIDENCES.length);
    await expectReadableListButtons(page, RESIDENCES.length);
    await typeFixture(page, 'form', CERTIFICATE, ['certificateType', 'sex', 'isStudent', 'hasCriminalRecord', 'confirmBan']);
    await page.locator('#form_certificateType-0').check();
    await page.locator('#form_sex-0').check();
    await page.getByLabel('Cơ quan tiếp nhận').selectOption('hai-chau');
    await page.setInputFiles('#file-to-khai-yeu-cau', { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: samplePdf(2048) });
    await page.setInputFiles('#file-giay-to-tuy-than', { name: 'can-cuoc.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await page.getByRole('button', { name: 'Tiếp tục: xem lại hồ sơ' }).click();

    // then the field the designer made required is asked for
    const missing = page.locator(`#form_${NEW_FIELD.key}__error`);
    await missing.waitFor();
    expect(await missing.textContent()).to.include(NEW_FIELD.title);
    await screenshot(page, 'scenario-citizen-form-missing');

    // when
    await page.locator(`#form_${NEW_FIELD.key}`).fill(NEW_FIELD.value);
    await screenshot(page, 'scenario-citizen-form');
    await page.getByRole('button', { name: 'Tiếp tục: xem lại hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    const review = await page.locator('.review').textContent();
    await screenshot(page, 'scenario-citizen-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.waitForURL(/\/ho-so\/[^/]+\/bien-nhan$/);
    await page.locator('[data-fact="procedure"]').waitFor();

    // then
    expect(review).to.include(NEW_FIELD.title).and.include(NEW_FIELD.value).and.include('02/03/1992').and.include('to-khai.pdf');
    code = (await page.locator('[data-dossier-code]').textContent())!.trim();
    expect(code).to.match(/-260302-\d{4}$/);
    expect(await page.locator('[data-qr] svg').count()).to.equal(1);
    expect(await page.locator('[data-fact="procedure"]').textContent()).to.include('Cấp Phiếu lý lịch tư pháp');
    await screenshot(page, 'scenario-citizen-receipt');
  });

  it('desk of Hải Châu: should find the dossier in the inbox, see its reception highlighted, accept it, then transfer it', async () => {
    // given
    t.clock.set('2026-03-02T08:30:00+07:00');
    const page = await signedIn('motcua.haichau', '/can-bo');

    // when
    await openFromInbox(page, 'scenario-desk-inbox');

    // then the diagram of version 2 shows where the dossier is
    await page.locator('#diagram[data-ready="true"]').waitFor();
    expect(await page.locator('.djs-element.officer-active[data-element-id="receive"]').count()).to.equal(1);
    expect(await page.locator(`#diagram .djs-element[data-element-id="${appraisal}"]`).count()).to.equal(1);
    expect(await page.locator('[data-form-data]').textContent()).to.include(NEW_FIELD.title).and.include(NEW_FIELD.value);
    await screenshot(page, 'scenario-desk-dossier');

    // when
    await workStep(page, 'Tiếp nhận hồ sơ, thu phí', 'Tiếp nhận hồ sơ', async (form) => form.getByLabel('Ghi chú').fill('Hồ sơ đủ thành phần, đã thu phí'));
    await openFromInbox(page, 'scenario-desk-inbox-transfer');
    await workStep(page, 'Chuyển hồ sơ đến Sở Tư pháp', 'Đã chuyển hồ sơ');

    // then the dossier waits for the Department of Justice
    await page.locator('[data-no-open-step], .officer-step .notice').first().waitFor();
    expect(await page.locator('.officer-step h3').first().textContent()).to.equal('Thẩm định hồ sơ');
    await screenshot(page, 'scenario-desk-transferred');
  });

  it('specialist of the Department of Justice: should appraise the dossier in the new step, then search the records and send it for signing', async () => {
    // given
    t.clock.set('2026-03-02T14:00:00+07:00');
    const page = await signedIn('chuyenvien.stp', '/can-bo');

    // when
    await openFromInbox(page, 'scenario-specialist-inbox');

    // then the new step is the one waiting, due one working day after it started
    await page.locator('#diagram[data-ready="true"]').waitFor();
    expect(await page.locator(`.djs-element.officer-active[data-element-id="${appraisal}"]`).count()).to.equal(1);
    expect(await page.locator('.officer-completed[data-element-id="transfer"]').count()).to.equal(1);
    expect(await stepSection(page, 'Thẩm định hồ sơ').locator('p.muted').first().textContent()).to.include('Sở Tư pháp').and.include('03/03/2026 08:30');
    await screenshot(page, 'scenario-specialist-dossier');

    // when
    await workStep(page, 'Thẩm định hồ sơ', APPRAISED, async (form) => form.getByLabel('Ý kiến xử lý').fill('Tờ khai và giấy tờ hợp lệ'));
    // the next morning, signed in again: the session of the day before has ended
    t.clock.set('2026-03-03T09:00:00+07:00');
    const nextDay = await signedIn('chuyenvien.stp', '/can-bo');
    await openFromInbox(nextDay, 'scenario-specialist-inbox-search');
    await workStep(nextDay, 'Tra cứu, xử lý hồ sơ', 'Không cần xác minh, trình ký', async (form) => form.getByLabel('Ý kiến xử lý').fill('Không có án tích'));

    // then
    await nextDay.locator('[data-no-open-step], .officer-step .notice').first().waitFor();
    expect(await nextDay.locator('.officer-step h3').first().textContent()).to.equal('Ký Phiếu lý lịch tư pháp');
  });

  it('leader of the Department of Justice: should sign the certificate', async () => {
    // given
    t.clock.set('2026-03-03T15:00:00+07:00');
    const page = await signedIn('lanhdao.stp', '/can-bo');

    // when
    await openFromInbox(page, 'scenario-leader-inbox');
    await screenshot(page, 'scenario-leader-dossier');
    await workStep(page, 'Ký Phiếu lý lịch tư pháp', 'Ký Phiếu', async (form) => form.getByLabel('Ý kiến của lãnh đạo').fill('Đồng ý cấp Phiếu'));

    // then
    await page.locator('[data-no-open-step], .officer-step .notice').first().waitFor();
    expect(await page.locator('.officer-step h3').first().textContent()).to.equal('Trả Phiếu lý lịch tư pháp');
  });

  it('desk of Hải Châu: should return the certificate to the applicant', async () => {
    // given
    t.clock.set('2026-03-04T08:30:00+07:00');
    const page = await signedIn('motcua.haichau', '/can-bo');

    // when
    await openFromInbox(page, 'scenario-return-inbox');
    await workStep(page, 'Trả Phiếu lý lịch tư pháp', 'Đã trả kết quả', async (form) => {
      await form.getByLabel('Trực tiếp tại Bộ phận Một cửa').check();
      await form.getByLabel('Họ và tên người nhận kết quả').fill('Nguyễn Văn An');
    });

    // then
    await page.locator('[data-status="10"]').waitFor();
    expect(await page.locator('[data-no-open-step]').count()).to.equal(1);
    await screenshot(page, 'scenario-returned');
  });

  it('auditor: should count the dossier as resolved early in form 06a and list it behind that cell', async () => {
    // given
    t.clock.set('2026-03-04T10:00:00+07:00');
    const page = await signedIn('kiemtra', '/bao-cao');

    // when the auditor asks for March 2026
    await page.getByLabel('Loại kỳ').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/period=2026-03/);
    await page.locator('table[data-report06a]:not([aria-busy])').waitFor();

    // then the one dossier of the fresh service is received and resolved early
    const total = page.locator('table[data-report06a] tr[data-total]');
    const count = async (column: string) => (await total.locator(`td[data-column="${column}"]`).textContent())?.trim();
    expect(await count('received')).to.equal('1');
    expect(await count('resolved')).to.equal('1');
    expect(await count('resolvedEarly')).to.equal('1');
    expect(await count('resolvedLate')).to.equal('0');
    await screenshot(page, 'scenario-report');

    // when
    await total.locator('td[data-column="resolvedEarly"] button').click();

    // then
    const dialog = page.locator('dialog[data-cell-dialog]');
    await dialog.locator('tr[data-dossier]').first().waitFor();
    expect(await dialog.locator(`tr[data-dossier="${code}"]`).count()).to.equal(1);
    // received on 2/3, due on 12/3, its result ready when the certificate was signed on 3/3
    const line = await dialog.locator(`tr[data-dossier="${code}"]`).innerText();
    expect(line).to.include('02/03/2026').and.include('12/03/2026').and.include('03/03/2026').and.include('Trước hạn');
    await screenshot(page, 'scenario-report-drill-down');
  });
});
