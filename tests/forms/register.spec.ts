import { expect } from 'chai';
import { FormSchemaRejected, loadFormRegistry, type FormRegistry } from '../../forms/index.js';

const PERMIT_FORM = {
  title: 'Tờ khai đề nghị cấp phép',
  type: 'object',
  properties: {
    applicantName: { $ref: '../common/defs.schema.json#/$defs/personName', title: 'Họ và tên người đề nghị' },
    permitNumber: { title: 'Số giấy phép', type: 'string', minLength: 1 },
  },
  required: ['applicantName', 'permitNumber'],
  additionalProperties: false,
};

describe('forms: registering a form while the service runs', function () {
  let forms: FormRegistry;

  beforeEach(async () => {
    forms = await loadFormRegistry();
  });

  it('should validate data against a registered form that refers to the shared definitions', function () {
    // when
    forms.register('cap-phep/submission@0a1b2c3d', PERMIT_FORM);

    // then
    expect(forms.has('cap-phep/submission@0a1b2c3d')).to.equal(true);
    expect(forms.ids()).to.include('cap-phep/submission@0a1b2c3d');
    expect(forms.validate('cap-phep/submission@0a1b2c3d', { applicantName: 'Lê Văn Tám' })).to.deep.equal([
      { path: '/permitNumber', message: 'Trường «Số giấy phép» là bắt buộc' },
    ]);
  });

  it('should NOT register a schema that breaks the meta-schema, naming where', function () {
    // given
    const broken = { ...PERMIT_FORM, properties: { permitNumber: { title: 'Số giấy phép', type: 'chuoi' } } };

    // when
    const failure = (() => {
      try {
        forms.register('cap-phep/submission@deadbeef', broken);
        return undefined;
      } catch (error) {
        return error;
      }
    })();

    // then
    expect(failure).to.be.instanceOf(FormSchemaRejected);
    expect((failure as FormSchemaRejected).problems.map((p) => p.path)).to.include('/properties/permitNumber/type');
    expect(forms.has('cap-phep/submission@deadbeef')).to.equal(false);
  });

  it('should report an unknown keyword (strict mode) and a reference to a missing file without keeping the form', function () {
    // when
    const unknownKeyword = forms.check('x/submission@1', { type: 'object', properties: { a: { title: 'A', type: 'string', minLenght: 2 } } });
    const missingFile = forms.check('x/submission@2', { type: 'object', properties: { a: { $ref: '../common/khong-co.schema.json', title: 'A' } } });

    // then
    expect(unknownKeyword).to.have.length(1);
    expect(unknownKeyword[0]!.message).to.contain('minLenght');
    expect(missingFile).to.have.length(1);
    expect(forms.has('x/submission@1')).to.equal(false);
    expect(forms.has('x/submission@2')).to.equal(false);
  });

  it('should take the same schema twice but NOT another schema under a taken id', function () {
    // given
    forms.register('cap-phep/submission@0a1b2c3d', PERMIT_FORM);

    // when
    const again = () => forms.register('cap-phep/submission@0a1b2c3d', structuredClone(PERMIT_FORM));
    const other = () => forms.register('cap-phep/submission@0a1b2c3d', { ...PERMIT_FORM, title: 'Khác' });

    // then
    expect(again).not.to.throw();
    expect(other).to.throw(FormSchemaRejected);
    expect(forms.check('khai-sinh/submission', { type: 'object' })).to.have.length(1);
  });
});
