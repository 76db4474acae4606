import { expect } from 'chai';
import type { FieldError } from '../../api/errors.js';
import { createFormRegistry, type FormSchema } from '../../forms/index.js';

/** A one-field form: the field `f` titled «Trường thử» with the given schema. */
function oneField(schema: Record<string, unknown>): FormSchema {
  return { type: 'object', properties: { f: { title: 'Trường thử', ...schema } }, additionalProperties: false };
}

function validate(schema: FormSchema, data: unknown): readonly FieldError[] {
  return createFormRegistry({ 'test/form': schema }).validate('test/form', data);
}

describe('forms: Vietnamese messages', function () {
  const cases: [keyword: string, schema: Record<string, unknown>, value: unknown, message: string][] = [
    ['type string', { type: 'string' }, 12, '«Trường thử» phải là chuỗi ký tự'],
    ['type integer', { type: 'integer' }, 'mười', '«Trường thử» phải là số nguyên'],
    ['type array', { type: 'array' }, {}, '«Trường thử» phải là danh sách'],
    ['type object', { type: 'object' }, [], '«Trường thử» phải là nhóm thông tin'],
    ['type boolean', { type: 'boolean' }, 'true', '«Trường thử» phải là giá trị có hoặc không'],
    ['format date', { type: 'string', format: 'date' }, '2025-13-01', '«Trường thử» phải là ngày hợp lệ (dd/MM/yyyy); dữ liệu gửi lên theo dạng yyyy-MM-dd, ví dụ 2025-03-15'],
    ['format email', { type: 'string', format: 'email' }, 'a@@b', '«Trường thử» phải là địa chỉ thư điện tử hợp lệ, ví dụ ten@example.vn'],
    ['format ipv4', { type: 'string', format: 'ipv4' }, '1.2.3', '«Trường thử» không đúng định dạng ipv4'],
    ['pattern', { type: 'string', pattern: '^[0-9]+$' }, 'a', '«Trường thử» không đúng định dạng'],
    ['minLength 1', { type: 'string', minLength: 1 }, '', 'Trường «Trường thử» không được để trống'],
    ['minLength', { type: 'string', minLength: 3 }, 'ab', '«Trường thử» phải có ít nhất 3 ký tự'],
    ['maxLength', { type: 'string', maxLength: 3 }, 'abcd', '«Trường thử» không được dài quá 3 ký tự'],
    ['minimum 0', { type: 'integer', minimum: 0 }, -1, '«Trường thử» không được là số âm'],
    ['minimum', { type: 'integer', minimum: 1000000 }, 5, '«Trường thử» phải lớn hơn hoặc bằng 1.000.000'],
    ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0.5 }, 0.5, '«Trường thử» phải lớn hơn 0,5'],
    ['maximum', { type: 'integer', maximum: 200000 }, 200001, '«Trường thử» phải nhỏ hơn hoặc bằng 200.000'],
    ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 10 }, 10, '«Trường thử» phải nhỏ hơn 10'],
    ['multipleOf', { type: 'integer', multipleOf: 1000 }, 1500, '«Trường thử» phải là bội số của 1.000'],
    ['enum without names', { type: 'string', enum: ['a', 'b'] }, 'c', '«Trường thử» phải là một trong các giá trị: «a», «b»'],
    ['enum with names', { type: 'string', enum: ['a', 'b'], 'x-enumNames': ['Một', 'Hai'] }, 'c', '«Trường thử» phải là một trong các giá trị: «Một», «Hai»'],
    ['const', { const: true }, false, '«Trường thử» phải là «Có»'],
    ['minItems 1', { type: 'array', minItems: 1 }, [], 'Cần có ít nhất một mục trong «Trường thử»'],
    ['minItems', { type: 'array', minItems: 2 }, [1], '«Trường thử» phải có ít nhất 2 mục'],
    ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], '«Trường thử» không được quá 1 mục'],
    ['uniqueItems', { type: 'array', uniqueItems: true }, ['a', 'b', 'a'], '«Trường thử» có mục 1 và mục 3 trùng nhau'],
    [
      'formatMinimum on dates',
      { type: 'string', format: 'date', formatMinimum: '2025-07-01' },
      '2025-06-30',
      '«Trường thử» không được trước ngày 01/07/2025',
    ],
    [
      'formatExclusiveMaximum on dates',
      { type: 'string', format: 'date', formatExclusiveMaximum: '2025-07-01' },
      '2025-07-01',
      '«Trường thử» phải trước ngày 01/07/2025',
    ],
    ['not', { type: 'string', not: { const: 'x' } }, 'x', '«Trường thử» không hợp lệ'],
  ];

  for (const [keyword, schema, value, message] of cases) {
    it(`should say "${message}" for ${keyword}`, function () {
      expect(validate(oneField(schema), { f: value })).to.deep.equal([{ path: '/f', message }]);
    });
  }

  it('should report one message per field, the most useful', function () {
    // given a value that is too short and fails the pattern
    const schema = oneField({ type: 'string', minLength: 5, pattern: '\\S' });

    // when
    const errors = validate(schema, { f: '   ' });

    // then
    expect(errors).to.deep.equal([{ path: '/f', message: '«Trường thử» không đúng định dạng' }]);
  });

  it("should prefer the field's own x-message for the keyword that failed", function () {
    // given
    const schema = oneField({ type: 'string', pattern: '^[0-9]+$', maxLength: 4, 'x-message': { pattern: '{title} chỉ gồm chữ số' } });

    // then
    expect(validate(schema, { f: '12a' })).to.deep.equal([{ path: '/f', message: 'Trường thử chỉ gồm chữ số' }]);
    expect(validate(schema, { f: '12345' })).to.deep.equal([{ path: '/f', message: '«Trường thử» không được dài quá 4 ký tự' }]);
  });

  it('should fill {limit} of an x-message with the bound as a Vietnamese reader writes it', function () {
    // given
    const schema = oneField({ type: 'integer', maximum: 1500000, 'x-message': { maximum: 'Tối đa {limit} đồng cho «{title}»' } });

    // then
    expect(validate(schema, { f: 2000000 })).to.deep.equal([{ path: '/f', message: 'Tối đa 1.500.000 đồng cho «Trường thử»' }]);
  });

  it('should use an x-message string for every failure of the value but NOT for its absence', function () {
    // given
    const schema = { ...oneField({ type: 'string', pattern: '^a', 'x-message': '«{title}» phải bắt đầu bằng a' }), required: ['f'] };

    // then
    expect(validate(schema, { f: 'b' })).to.deep.equal([{ path: '/f', message: '«Trường thử» phải bắt đầu bằng a' }]);
    expect(validate(schema, {})).to.deep.equal([{ path: '/f', message: 'Trường «Trường thử» là bắt buộc' }]);
  });

  it("should let a property's x-message win over its definition's", function () {
    // given
    const schema: FormSchema = {
      $defs: { digits: { type: 'string', pattern: '^[0-9]+$', 'x-message': { pattern: '«{title}» chỉ gồm chữ số' } } },
      type: 'object',
      properties: {
        plain: { $ref: '#/$defs/digits', title: 'Mã' },
        own: { $ref: '#/$defs/digits', title: 'Số hiệu', 'x-message': { pattern: '«{title}» ghi như trên giấy tờ' } },
      },
    };

    // then
    expect(validate(schema, { plain: 'x', own: 'x' })).to.deep.equal([
      { path: '/plain', message: '«Mã» chỉ gồm chữ số' },
      { path: '/own', message: '«Số hiệu» ghi như trên giấy tờ' },
    ]);
  });

  it('should name the entry of a list a field sits in', function () {
    // given
    const schema: FormSchema = {
      type: 'object',
      properties: {
        rows: {
          title: 'Danh sách giấy tờ',
          type: 'array',
          items: { type: 'object', properties: { name: { title: 'Tên giấy tờ', type: 'string' } }, required: ['name'] },
        },
        tags: { title: 'Nhãn', type: 'array', items: { type: 'string' } },
      },
    };

    // then
    expect(validate(schema, { rows: [{ name: 'Tờ khai' }, {}], tags: ['a', 1] })).to.deep.equal([
      { path: '/rows/1/name', message: 'Trường «Tên giấy tờ (Danh sách giấy tờ, mục 2)» là bắt buộc' },
      { path: '/tags/1', message: '«Nhãn, mục 2» phải là chuỗi ký tự' },
    ]);
  });

  it('should point at a missing or unexpected property itself, escaping its name', function () {
    // given
    const schema: FormSchema = { type: 'object', properties: { 'a/b': { title: 'A trên B', type: 'string' } }, required: ['a/b'], additionalProperties: false };

    // then
    expect(validate(schema, { 'c~d': 1 })).to.deep.equal([
      { path: '/a~1b', message: 'Trường «A trên B» là bắt buộc' },
      { path: '/c~0d', message: 'Trường «c~d» không có trong biểu mẫu này' },
    ]);
  });

  it('should name the whole form by its title when the data is not an object', function () {
    // given
    const schema: FormSchema = { title: 'Tờ khai thử', type: 'object' };

    // then
    expect(validate(schema, 'tờ khai')).to.deep.equal([{ path: '', message: '«Tờ khai thử» phải là nhóm thông tin' }]);
  });

  it('should report the requirement of a then branch, NOT the if that chose it', function () {
    // given
    const schema: FormSchema = {
      type: 'object',
      properties: { outcome: { title: 'Kết quả', type: 'string' }, reason: { title: 'Lý do', type: 'string' } },
      allOf: [{ if: { properties: { outcome: { const: 'refuse' } }, required: ['outcome'] }, then: { required: ['reason'] } }],
    };

    // then
    expect(validate(schema, { outcome: 'refuse' })).to.deep.equal([{ path: '/reason', message: 'Trường «Lý do» là bắt buộc' }]);
  });
});
