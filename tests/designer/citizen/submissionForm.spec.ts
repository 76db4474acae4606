import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeData } from '../../../designer/citizen/submission/describeData.js';
import { addAt, messagesOf, submissionErrors } from '../../../designer/citizen/submission/errorSchemas.js';
import { inlineRefs, type Schema } from '../../../designer/citizen/submission/inlineRefs.js';
import { pruneEmpty } from '../../../designer/citizen/submission/pruneEmpty.js';
import { isVisible, uiSchemaFor } from '../../../designer/citizen/submission/uiSchemaFor.js';

const read = (id: string): Schema => JSON.parse(readFileSync(join(process.cwd(), 'forms', `${id}.schema.json`), 'utf8')) as Schema;
const FORMS = { 'khai-sinh/submission': read('khai-sinh/submission'), 'common/defs': read('common/defs'), 'common/applicant': read('common/applicant') };
const fixture = JSON.parse(readFileSync(join(process.cwd(), 'tests', 'forms', 'fixtures', 'khai-sinh.valid.json'), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown> & { properties?: Record<string, Node> };

describe('designer/citizen submission form', function () {
  describe('inlineRefs', function () {
    const form = inlineRefs(FORMS, 'khai-sinh/submission') as Node;

    it('should leave no $ref in the form drawn', function () {
      expect(JSON.stringify(form)).to.not.include('$ref');
    });

    it("should keep the property's own title and join the required lists next to a $ref", function () {
      const mother = form.properties!.mother!;
      expect(mother.title).to.equal('Thông tin người mẹ');
      expect(mother.required).to.have.members(['name', 'dateOfBirth', 'ethnicity', 'nationality', 'address']);
      expect(mother.properties!.idNumber!.pattern).to.equal('^(?:[0-9]{12}|[0-9]{9})$');
    });

    it('should follow a reference inside the referenced file, the tighter keyword written next to it winning', function () {
      const ethnicity = form.properties!.child!.properties!.ethnicity!;
      expect(ethnicity).to.include({ title: 'Dân tộc', maxLength: 50, pattern: '\\S' });
    });

    it("should merge the x-ui hints, the property's own placeholder over the definition's", function () {
      const placeOfBirth = form.properties!.child!.properties!.placeOfBirth!;
      const date = form.properties!.child!.properties!.dateOfBirth!;
      expect((placeOfBirth['x-ui'] as { placeholder: string }).placeholder).to.match(/^Bệnh viện/);
      expect(date['x-ui']).to.deep.equal({ widget: 'date', placeholder: 'dd/MM/yyyy' });
    });

    it('should name a reference to a form it was not given', function () {
      expect(() => inlineRefs({ 'khai-sinh/submission': FORMS['khai-sinh/submission'] }, 'khai-sinh/submission')).to.throw(/common\/defs/);
    });
  });

  describe('uiSchemaFor', function () {
    const form = inlineRefs(FORMS, 'khai-sinh/submission');

    it('should turn x-ui and x-enumNames into the renderer hints', function () {
      const ui = uiSchemaFor(form, {}) as Record<string, Record<string, Record<string, unknown>>>;
      expect(ui['ui:order']).to.deep.equal(['child', 'mother', 'father', 'requesterRelation', 'extraExtracts', '*']);
      expect(ui.child!.sex).to.deep.include({ 'ui:widget': 'radio', 'ui:enumNames': ['Nam', 'Nữ'] });
      expect(ui.child!.dateOfBirth).to.deep.include({ 'ui:widget': 'dayMonthYear', 'ui:placeholder': 'dd/MM/yyyy' });
      expect(ui.mother!.phone).to.deep.include({ 'ui:inputType': 'tel' });
    });

    it('should hide a field while its visibleWhen sibling holds another value, and show it once it holds one listed', function () {
      // given
      const schema = { type: 'object', properties: { kind: { type: 'integer' }, urgent: { type: 'boolean', 'x-ui': { widget: 'checkbox', visibleWhen: { kind: [1] } } } } };

      // then
      expect((uiSchemaFor(schema, { kind: 2 }).urgent as Record<string, unknown>)['ui:widget']).to.equal('hidden');
      expect((uiSchemaFor(schema, { kind: 1 }).urgent as Record<string, unknown>)['ui:widget']).to.equal('checkbox');
      expect(isVisible({ kind: [1] }, undefined)).to.equal(false);
    });
  });

  describe('submissionErrors', function () {
    it("should place the server's fields on the applicant, the form, the desk choice or the whole submission", function () {
      // when
      const errors = submissionErrors([
        { path: '/applicant/idNumber', message: 'A' },
        { path: '/formData/child/name', message: 'B' },
        { path: '/formData/child/name', message: 'C' },
        { path: '/formData/mother', message: 'D' },
        { path: '/agency', message: 'E' },
        { path: '/procedure', message: 'F' },
      ]);

      // then
      expect(errors.applicant).to.deep.equal({ idNumber: { __errors: ['A'] } });
      expect(errors.formData).to.deep.equal({ child: { name: { __errors: ['B', 'C'] } }, mother: { __errors: ['D'] } });
      expect(errors.agency).to.deep.equal(['E']);
      expect(errors.general).to.deep.equal(['F']);
      expect(messagesOf(errors.formData)).to.deep.equal(['B', 'C', 'D']);
    });

    it('should read escaped JSON pointer parts', function () {
      const tree = {};
      addAt(tree, ['a/b'], 'x');
      expect(submissionErrors([{ path: '/formData/a~1b', message: 'x' }]).formData).to.deep.equal(tree);
    });
  });

  describe('pruneEmpty', function () {
    it('should drop blanks and groups left empty, keeping zero and false', function () {
      expect(pruneEmpty({ child: { name: 'An', hometown: '' }, father: { name: undefined, address: '' }, extraExtracts: 0, agreed: false })).to.deep.equal({
        child: { name: 'An' },
        extraExtracts: 0,
        agreed: false,
      });
    });
  });

  describe('describeData', function () {
    it('should read the fixture in the form order, with option names and dates as dd/MM/yyyy', function () {
      // when
      const lines = describeData(inlineRefs(FORMS, 'khai-sinh/submission'), fixture, { yes: 'Có', no: 'Không', date: (iso) => iso.split('-').reverse().join('/') });

      // then
      expect(lines.slice(0, 4)).to.deep.equal([
        { label: 'Người được khai sinh', depth: 0 },
        { label: 'Họ, chữ đệm và tên', value: 'Nguyễn Minh Khang', depth: 1 },
        { label: 'Giới tính', value: 'Nam', depth: 1 },
        { label: 'Ngày, tháng, năm sinh', value: '28/01/2026', depth: 1 },
      ]);
      expect(lines).to.deep.include({ label: 'Quan hệ của người đi khai sinh với người được khai sinh', value: 'Cha', depth: 0 });
      expect(lines).to.deep.include({ label: 'Số bản sao trích lục khai sinh đề nghị cấp', value: '2', depth: 0 });
    });
  });
});
