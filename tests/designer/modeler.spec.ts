import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { EMPTY_DIAGRAM } from '../../designer/modeler/emptyDiagram.js';
import { bundleModeler, launchChromium, openModelerPage, type ModelerWindow } from './support/modelerPage.js';

/** A start event and a plain task, for applying a template by hand. */
const PLAIN_TASK = EMPTY_DIAGRAM.replace(
  '<bpmn:startEvent id="submitted" name="Hồ sơ được nộp" />',
  '<bpmn:startEvent id="submitted" name="Hồ sơ được nộp" /><bpmn:task id="plainTask" />',
).replace(
  '</bpmndi:BPMNPlane>',
  '<bpmndi:BPMNShape id="plainTask_di" bpmnElement="plainTask"><dc:Bounds x="260" y="160" width="100" height="80" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>',
);

function headers(xml: string, elementId: string): Record<string, string> {
  const start = xml.indexOf(`id="${elementId}"`);
  const element = xml.slice(start, xml.indexOf('</bpmn:userTask>', start));
  return Object.fromEntries([...element.matchAll(/<zeebe:header key="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('designer: the modeler in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let bundle: Map<string, Buffer>;
  let page: Page;

  const getXml = () => page.evaluate(() => (globalThis as unknown as ModelerWindow).motcuaModeler.getXml());
  const importXml = (xml: string) => page.evaluate((bpmn) => (globalThis as unknown as ModelerWindow).motcuaModeler.importXml(bpmn), xml);
  const addStep = (kind: string, after?: string) =>
    page.evaluate(([k, a]) => (globalThis as unknown as ModelerWindow).motcuaModeler.addStep(k, a ? { after: a } : {}), [kind, after] as const);
  const select = (id: string) =>
    page.evaluate((elementId) => {
      const { modeler } = (globalThis as unknown as ModelerWindow).motcuaModeler;
      modeler.get('selection').select(modeler.get('elementRegistry').get(elementId));
    }, id);
  const exists = (id: string) =>
    page.evaluate((elementId) => (globalThis as unknown as ModelerWindow).motcuaModeler.modeler.get('elementRegistry').get(elementId) !== undefined, id);
  const openGroup = (label: string) => page.locator('.bio-properties-panel-group-header', { hasText: label }).click();
  const marked = () => page.locator('.djs-element.motcua-problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));

  before(async function () {
    browser = await launchChromium(this);
    bundle = await bundleModeler();
  });
  beforeEach(async () => {
    page = await openModelerPage(browser, bundle);
  });
  afterEach(async () => page?.close());
  after(async () => browser?.close());

  it('should mount on the page and show the palette, the step kinds and the properties panel in Vietnamese', async () => {
    // then
    expect(await page.getAttribute('[data-action="create.start-event"]', 'aria-label')).to.equal('Tạo sự kiện bắt đầu');
    expect(await page.getAttribute('[data-action="create.motcua-step-receive"]', 'aria-label')).to.equal('Thêm bước Tiếp nhận hồ sơ');
    expect(await page.locator('[data-action^="create.motcua-step-"]').count()).to.equal(7);
    expect(await page.locator('.bio-properties-panel-header-type').textContent()).to.equal('Quy trình');
    expect(await page.locator('.bio-properties-panel-group-header-title').first().textContent()).to.equal('Thông tin chung');
  });

  it('should keep the bpmn.io watermark', async () => {
    expect(await page.locator('.bjs-powered-by').isVisible()).to.equal(true);
  });

  it("should add a step with the conventions' headers, name and role", async () => {
    // given
    await importXml('');

    // when
    const id = await addStep('receive', 'submitted');

    // then
    const xml = await getXml();
    expect(headers(xml, id)).to.deep.equal({
      stepKind: 'receive',
      agency: 'receiving',
      timeShare: '4h',
      outcomes: 'accept:Tiếp nhận hồ sơ|supplement:Yêu cầu bổ sung hồ sơ|refuse:Từ chối tiếp nhận',
      form: 'steps/receive',
    });
    expect(xml).to.include(`<bpmn:userTask id="${id}" name="Tiếp nhận hồ sơ" zeebe:modelerTemplate="vn.motcua.step.receive"`);
    expect(xml).to.match(/<zeebe:assignmentDefinition candidateGroups="desk" \/>/);
    expect(xml).to.match(/<bpmn:sequenceFlow id="[^"]+" sourceRef="submitted" targetRef="/);
  });

  it('should undo and redo from anywhere on the page with Ctrl+Z and Ctrl+Y', async () => {
    // given
    await importXml('');
    const id = await addStep('process', 'submitted');
    // the canvas handles its own keys when it has the focus; here nothing has
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    expect(await page.evaluate('document.activeElement === document.body')).to.equal(true);

    // when
    await page.keyboard.press('Control+z');
    const afterUndo = await exists(id);
    await page.keyboard.press('Control+y');

    // then
    expect(afterUndo).to.equal(false);
    expect(await exists(id)).to.equal(true);
  });

  it("should NOT undo the diagram while the designer types in the page's own fields", async () => {
    // given
    await importXml('');
    const id = await addStep('process', 'submitted');
    await page.getByLabel('Tên thủ tục').focus();

    // when
    await page.keyboard.press('Control+z');

    // then
    expect(await exists(id)).to.equal(true);
  });

  it('should offer the kinds of the agency tree as the responsible unit, and the roles, as dropdowns', async () => {
    // given
    await importXml('');
    const id = await addStep('process', 'submitted');

    // when
    await select(id);
    await openGroup('Phân công');

    // then
    const units = await page.getByLabel('Đơn vị thực hiện').locator('option').allTextContents();
    expect(units).to.include.members(['Bộ phận Một cửa nơi tiếp nhận hồ sơ', 'Sở Tư pháp', 'Công an cấp xã', 'Bảo hiểm xã hội']);
    expect(await page.getByLabel('Vai trò thực hiện').inputValue()).to.equal('specialist');
  });

  it('should write the duration the designer types as the timeShare header, and refuse one the desk cannot read', async () => {
    // given
    await importXml('');
    const id = await addStep('process', 'submitted');
    await select(id);
    await openGroup('Thời hạn');

    // when
    await page.getByLabel('Thời hạn của bước').fill('3d');
    await page.waitForTimeout(600);
    const written = headers(await getXml(), id).timeShare;
    await page.getByLabel('Thời hạn của bước').fill('3 ngày');

    // then
    expect(written).to.equal('3d');
    expect(await page.locator('.bio-properties-panel-error').first().textContent()).to.equal(
      'Thời hạn của bước phải là số ngày làm việc kèm chữ d (vd. 2d) hoặc số giờ làm việc kèm chữ h (vd. 4h).',
    );
  });

  it('should add the supplement wait as a message catch event correlated by the dossier code', async () => {
    // given
    await importXml('');

    // when
    const id = await addStep('supplement', 'submitted');

    // then
    const xml = await getXml();
    expect(xml).to.include(`<bpmn:intermediateCatchEvent id="${id}" name="Chờ bổ sung hồ sơ" zeebe:modelerTemplate="vn.motcua.step.supplement"`);
    expect(xml).to.match(/<bpmn:message id="[^"]+" name="dossier-supplemented"[^>]*>\s*<bpmn:extensionElements>\s*<zeebe:subscription correlationKey="=dossierCode" \/>/);
  });

  it('should let the designer turn a plain task into a step with the template chooser', async () => {
    // given
    await importXml(PLAIN_TASK);
    await select('plainTask');

    // when
    await page.getByRole('button', { name: 'Chọn', exact: true }).click();
    expect(await page.locator('.djs-popup-title').textContent()).to.equal('Chọn mẫu bước');
    await page.locator('.djs-popup .entry', { hasText: 'Thẩm định hồ sơ' }).click();

    // then
    const xml = await getXml();
    expect(xml).to.include('<bpmn:userTask id="plainTask" name="Thẩm định hồ sơ" zeebe:modelerTemplate="vn.motcua.step.process"');
    expect(headers(xml, 'plainTask')).to.include({ stepKind: 'process', timeShare: '2d' });
  });

  it('should mark the elements that problems are about, return the others, and clear earlier marks', async () => {
    // given
    const problems = [
      { elementId: 'verify', message: 'Bước xác minh chưa có thời hạn' },
      { elementId: 'verify', message: 'Thiếu biểu mẫu của bước' },
      { elementId: 'ly-lich-tu-phap', message: 'Quy trình chưa có phiên bản' },
    ];

    // when
    const unplaced = await page.evaluate((list) => (globalThis as unknown as ModelerWindow).motcuaModeler.showProblems(list), problems);

    // then
    expect(unplaced).to.deep.equal([problems[2]]);
    expect(await marked()).to.deep.equal(['verify']);
    expect(await page.locator('.motcua-problem-overlay li').allTextContents()).to.deep.equal([problems[0].message, problems[1].message]);

    // when
    await page.evaluate(() => (globalThis as unknown as ModelerWindow).motcuaModeler.showProblems([{ elementId: 'approve', message: 'Chưa có người ký' }]));

    // then
    expect(await marked()).to.deep.equal(['approve']);
    expect(await page.locator('.motcua-problem-overlay').allTextContents()).to.deep.equal(['Chưa có người ký']);
  });

  it('should show the modeler in English when the page asks for it', async () => {
    // given
    await page.close();

    // when
    page = await openModelerPage(browser, bundle, { language: 'en' });

    // then
    expect(await page.getAttribute('[data-action="create.start-event"]', 'aria-label')).to.equal('Create start event');
    expect(await page.locator('.bio-properties-panel-group-header-title').first().textContent()).to.equal('General');
  });

  it('should say why when the process model cannot be read', async () => {
    // given
    await page.close();

    // when
    page = await openModelerPage(browser, bundle, { bpmn: '<not-bpmn/>' });

    // then
    expect(await page.locator('.motcua-modeler-error').textContent()).to.match(/^Không tải được quy trình: /);
  });
});
