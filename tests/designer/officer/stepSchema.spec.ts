import { expect } from 'chai';
import { errorTree, uiSchemaOf, visibleData, visibleSchema, type Schema } from '../../../designer/officer/stepSchema.js';

const RECEIVE: Schema = {
  type: 'object',
  properties: {
    outcome: { type: 'string', 'x-ui': { widget: 'hidden' } },
    note: { type: 'string', 'x-ui': { widget: 'textarea' } },
    reason: { type: 'string', 'x-ui': { widget: 'textarea', visibleWhen: { outcome: ['supplement', 'refuse'] } } },
    method: { type: 'string', enum: ['desk', 'post'], 'x-enumNames': ['Tại quầy', 'Bưu chính'], 'x-ui': { widget: 'radio' } },
    on: { type: 'string', format: 'date' },
  },
  'x-ui': { order: ['outcome', 'reason', 'note'] },
};

describe('designer/officer: step forms from their schemas', function () {
  const shown = (outcome: string) => Object.keys((visibleSchema(RECEIVE, { outcome }).properties as object) ?? {});
  const cases: [outcome: string, visible: boolean][] = [
    ['accept', false],
    ['supplement', true],
    ['refuse', true],
  ];
  for (const [outcome, visible] of cases) {
    it(`should ${visible ? '' : 'NOT '}show the reason for «${outcome}»`, () => {
      expect(shown(outcome).includes('reason')).to.equal(visible);
    });
  }

  it('should send only the fields the form shows', () => {
    const schema = visibleSchema(RECEIVE, { outcome: 'accept' });
    expect(visibleData(schema, { note: 'Đủ', reason: 'typed before switching', on: '' })).to.deep.equal({ note: 'Đủ' });
  });

  it('should turn x-ui hints and x-enumNames into rjsf uiSchema, dates typed dd/MM/yyyy', () => {
    const ui = uiSchemaOf(RECEIVE);
    expect(ui['ui:order']).to.deep.equal(['outcome', 'reason', 'note', '*']);
    expect(ui.note).to.deep.equal({ 'ui:widget': 'textarea' });
    expect(ui.method).to.deep.equal({ 'ui:widget': 'radio', 'ui:enumNames': ['Tại quầy', 'Bưu chính'] });
    expect(ui.on).to.deep.equal({ 'ui:widget': 'dmyDate' });
  });

  it("should place the server's field messages on the fields and keep the others apart", () => {
    const { tree, others } = errorTree([
      { path: '/formData/reason', message: 'Trường «Lý do» là bắt buộc.' },
      { path: '/formData/componentsToAdd/0', message: 'Trường «Giấy tờ» không được để trống' },
      { path: '/outcome', message: 'Kết quả xử lý phải là một trong: …' },
    ]);
    expect(tree).to.deep.equal({ reason: { __errors: ['Trường «Lý do» là bắt buộc.'] }, componentsToAdd: { 0: { __errors: ['Trường «Giấy tờ» không được để trống'] } } });
    expect(others).to.deep.equal(['Kết quả xử lý phải là một trong: …']);
  });
});
