import { expect } from 'chai';
import { fromFields, fromValidation, problemCount } from '../../../designer/studio/problems.js';

describe('designer/studio problems', function () {
  it('should route a 422\'s fields to the diagram, the details and the form', () => {
    // when
    const problems = fromFields([
      { path: '/bpmn/register', message: 'Loại bước không có' },
      { path: '/bpmn/definitions', message: 'Sơ đồ không đọc được' },
      { path: '/metadata/limit/amount', message: 'Phải là số nguyên dương' },
      { path: '/form/properties/child', message: 'Thiếu nhãn' },
      { path: '/note', message: 'Quá dài' },
    ]);

    // then
    expect(problems.elements).to.deep.equal([
      { elementId: 'register', message: 'Loại bước không có' },
      { elementId: 'definitions', message: 'Sơ đồ không đọc được' },
      { elementId: null, message: 'Quá dài' },
    ]);
    expect(problems.metadata).to.deep.equal([{ path: '/limit/amount', message: 'Phải là số nguyên dương' }]);
    expect(problems.form).to.deep.equal([{ path: '/properties/child', message: 'Thiếu nhãn' }]);
    expect(problemCount(problems)).to.equal(5);
  });

  it('should take the validate answer\'s paths with or without their prefix', () => {
    // when
    const problems = fromValidation({
      ok: false,
      problems: [{ elementId: null, message: 'XML không hợp lệ' }],
      metadataProblems: [{ path: '/name', message: 'Bắt buộc' }, { path: '/metadata/field', message: 'Bắt buộc' }],
      formProblems: [{ path: '/form', message: 'Không phải đối tượng' }],
    });

    // then
    expect(problems.metadata.map((p) => p.path)).to.deep.equal(['/name', '/field']);
    expect(problems.form.map((p) => p.path)).to.deep.equal(['']);
    expect(problems.elements).to.deep.equal([{ elementId: null, message: 'XML không hợp lệ' }]);
  });
});
