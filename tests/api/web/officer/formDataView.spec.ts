import { expect } from 'chai';
import { createFormRegistry, loadFormRegistry, type FormRegistry } from '../../../../forms/index.js';
import { formDataView, type FieldLine } from '../../../../api/web/officer/formDataView.js';
import { inlineSchema } from '../../../../api/web/officer/inlineSchema.js';

const WORDS = { yes: 'Có', no: 'Không', entry: (label: string, n: number) => `${label}, mục ${n}` };

describe('api/web/officer: forms as the browser and the officer read them', function () {
  let forms: FormRegistry;

  before(async () => {
    forms = await loadFormRegistry();
  });

  describe('inlineSchema', () => {
    it("should replace a $ref by its definition, the property's own title winning", () => {
      const schema = inlineSchema(forms, 'steps/process');
      const opinion = (schema.properties as Record<string, Record<string, unknown>>).opinion!;
      expect(opinion).to.include({ title: 'Ý kiến xử lý', type: 'string', maxLength: 2000 });
      expect(opinion).to.not.have.property('$ref');
      expect(JSON.stringify(schema)).to.not.include('$ref').and.not.include('$schema');
    });

    it("should merge the definition's x-ui with the property's own", () => {
      const reason = (inlineSchema(forms, 'steps/receive').properties as Record<string, Record<string, unknown>>).reason!;
      expect(reason['x-ui']).to.deep.equal({ widget: 'textarea', visibleWhen: { outcome: ['supplement', 'refuse'] } });
    });

    it('should follow references inside the definitions file and keep if/then branches', () => {
      const schema = inlineSchema(forms, 'khai-sinh/submission');
      const child = (schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).child!;
      expect(child.properties.ethnicity).to.include({ title: 'Dân tộc', type: 'string' });
      expect(JSON.stringify(inlineSchema(forms, 'steps/receive').allOf)).to.include('"then"');
    });

    it('should name the reference that points nowhere', () => {
      const broken = createFormRegistry({ 'x/form': { type: 'object', properties: { a: { type: 'string' } } } });
      const schema = { ...broken.schema('x/form'), properties: { a: { $ref: '../common/none.schema.json#/$defs/a' } } };
      const registry = { ...broken, schema: () => schema };
      expect(() => inlineSchema(registry, 'x/form')).to.throw(/«\.\.\/common\/none\.schema\.json#\/\$defs\/a»/);
    });
  });

  describe('formDataView', () => {
    const view = (formId: string, data: unknown): FieldLine[] => formDataView(inlineSchema(forms, formId), data, WORDS);

    const cases: [title: string, data: Record<string, unknown>, expected: FieldLine[]][] = [
      ['an enum value by its Vietnamese name', { requesterRelation: 'mother' }, [{ label: 'Quan hệ của người đi khai sinh với người được khai sinh', value: 'Mẹ' }]],
      ['a date as dd/MM/yyyy inside a group', { child: { dateOfBirth: '2026-01-28' } }, [{ label: 'Người được khai sinh', lines: [{ label: 'Ngày, tháng, năm sinh', value: '28/01/2026' }] }]],
      ['a number as written', { extraExtracts: 2 }, [{ label: 'Số bản sao trích lục khai sinh đề nghị cấp', value: '2' }]],
      ['a field the form does not know under its own key', { unknown: 'x' }, [{ label: 'unknown', value: 'x' }]],
      ['nothing for empty values', { requesterRelation: '', extraExtracts: null }, []],
    ];
    for (const [title, data, expected] of cases) {
      it(`should show ${title}`, () => {
        expect(view('khai-sinh/submission', data)).to.deep.equal(expected);
      });
    }

    it("should follow the form's order, not the data's", () => {
      const labels = view('khai-sinh/submission', { requesterRelation: 'father', child: { name: 'Nguyễn An' } }).map((line) => line.label);
      expect(labels).to.deep.equal(['Người được khai sinh', 'Quan hệ của người đi khai sinh với người được khai sinh']);
    });

    it('should show money in đồng and list entries by number', () => {
      const [businessLines, capital] = view('dang-ky-ho-kinh-doanh/submission', { capital: 150000000, businessLines: [{ code: '5610' }] });
      expect(capital).to.deep.equal({ label: 'Vốn kinh doanh (đồng)', value: '150.000.000 đồng' });
      expect(businessLines!.lines![0]!.label).to.equal('Ngành, nghề kinh doanh, mục 1');
    });
  });
});
