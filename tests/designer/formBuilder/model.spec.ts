import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { createFormRegistry, type FormRegistry, type FormSchema } from '../../../forms/index.js';
import {
  DEFS,
  FIELD_TYPES,
  fieldsOf,
  formOptionsOf,
  ID_NUMBER_MESSAGE,
  PHONE_PATTERN,
  schemaOf,
  type Field,
  type FieldType,
  type Schema,
} from '../../../designer/formBuilder/model.js';

const FORMS = new URL('../../../forms/', import.meta.url);

function readForm(id: string): FormSchema {
  return JSON.parse(readFileSync(new URL(`${id}.schema.json`, FORMS), 'utf8')) as FormSchema;
}

/** A field as the builder makes it: a key, a Vietnamese title, not required, plus the given settings. */
function field(type: FieldType, key: string, settings: Partial<Field> = {}): Field {
  return { key, type, title: `Trường ${key}`, required: false, ...settings };
}

/** The server's registry with the shared definitions and one built form under `test/submission`. */
function serverWith(schema: Schema): FormRegistry {
  return createFormRegistry({ 'common/defs': readForm('common/defs'), 'test/submission': schema as FormSchema });
}

const OPTIONS = [
  { value: 'father', name: 'Cha' },
  { value: 'mother', name: 'Mẹ' },
];

/** One field of every type, with settings, as a designer might build a form. */
function everyType(): Field[] {
  return [
    field('text', 'fullName', { required: true, minLength: 2, maxLength: 100, pattern: '^\\S', patternMessage: '«{title}» không được bắt đầu bằng khoảng trắng', placeholder: 'Nguyễn Văn An', help: 'Ghi đầy đủ họ, chữ đệm và tên' }),
    field('longText', 'reason', { maxLength: 500 }),
    field('number', 'copies', { integer: true, minimum: 0, maximum: 10 }),
    field('date', 'dateOfBirth', { required: true }),
    field('select', 'relation', { options: OPTIONS, required: true }),
    field('radio', 'delivery', { options: [{ value: 'desk', name: 'Nhận tại bộ phận một cửa' }, { value: 'post', name: 'Nhận qua bưu điện' }] }),
    field('checkbox', 'commitment', { required: true }),
    field('idNumber', 'idNumber', { required: true }),
    field('phone', 'phone'),
    field('email', 'email'),
    field('address', 'postalAddress', { required: true, visibleWhen: { field: 'delivery', values: ['post'] } }),
    field('attachment', 'birthCertificate', { component: 'giay-chung-sinh', required: true }),
    field('group', 'children', {
      itemTitle: 'Người con',
      minItems: 1,
      maxItems: 5,
      fields: [field('text', 'name', { required: true }), field('date', 'dateOfBirth')],
    }),
  ];
}

const VALID = {
  fullName: 'Nguyễn Văn An',
  reason: 'Bổ sung hồ sơ xin việc',
  copies: 2,
  dateOfBirth: '1990-05-17',
  relation: 'father',
  delivery: 'post',
  commitment: true,
  idNumber: '048090001234',
  phone: '02363822123',
  email: 'an.nguyen@example.vn',
  postalAddress: { province: 'Thành phố Đà Nẵng', commune: 'Phường Hải Châu', street: '24 Trần Phú' },
  birthCertificate: 'giay-chung-sinh',
  children: [{ name: 'Nguyễn Thị Bình', dateOfBirth: '2015-09-01' }],
};

describe('designer: the form builder model', function () {
  describe('schemaOf: the schema of each field type', function () {
    const cases: [FieldType, Partial<Field>, Schema][] = [
      ['text', {}, { $ref: `${DEFS}text` }],
      ['text', { maxLength: 50, pattern: '^[A-Z]', patternMessage: 'Viết hoa' }, { $ref: `${DEFS}text`, type: 'string', maxLength: 50, pattern: '^[A-Z]', 'x-message': { pattern: 'Viết hoa' } }],
      ['longText', {}, { $ref: `${DEFS}longText` }],
      ['number', { minimum: 1 }, { type: 'number', minimum: 1 }],
      ['number', { integer: true }, { type: 'integer' }],
      ['date', {}, { $ref: `${DEFS}date` }],
      ['select', { options: OPTIONS }, { type: 'string', enum: ['father', 'mother'], 'x-enumNames': ['Cha', 'Mẹ'], 'x-ui': { widget: 'select' } }],
      ['radio', { options: OPTIONS }, { type: 'string', enum: ['father', 'mother'], 'x-enumNames': ['Cha', 'Mẹ'], 'x-ui': { widget: 'radio' } }],
      ['checkbox', {}, { type: 'boolean', default: false, 'x-ui': { widget: 'checkbox' } }],
      ['idNumber', {}, { type: 'string', pattern: '^\\d{12}$', 'x-message': { pattern: ID_NUMBER_MESSAGE } }],
      ['email', {}, { $ref: `${DEFS}email` }],
      ['attachment', { component: 'giay-chung-sinh' }, { type: 'string', const: 'giay-chung-sinh', 'x-ui': { widget: 'attachment' } }],
    ];
    for (const [type, settings, expected] of cases) {
      it(`should write the ${type} field${Object.keys(settings).length ? ` with ${Object.keys(settings).join(', ')}` : ''}`, function () {
        // when
        const schema = schemaOf([field(type, 'value', settings)]);

        // then
        expect(schema.properties).to.deep.equal({ value: { title: 'Trường value', ...expected } });
      });
    }

    it('should write a phone field with the mobile and landline pattern and the tel widget', function () {
      const property = (schemaOf([field('phone', 'phone')]).properties as Schema).phone as Schema;
      expect(property).to.include({ type: 'string', pattern: PHONE_PATTERN });
      expect(property['x-ui']).to.deep.equal({ widget: 'tel' });
    });

    it('should write an address as an object of province, commune and street, all three required', function () {
      const property = (schemaOf([field('address', 'home')]).properties as Schema).home as Schema;
      expect(property).to.include({ type: 'object', additionalProperties: false });
      expect(property.required).to.deep.equal(['province', 'commune', 'street']);
      expect(Object.keys(property.properties as Schema)).to.deep.equal(['province', 'commune', 'street']);
    });

    it('should make a required checkbox one that must be ticked', function () {
      const property = (schemaOf([field('checkbox', 'commitment', { required: true })]).properties as Schema).commitment as Schema;
      expect(property).to.include({ const: true });
    });

    it('should write the root as a closed object with its title, required fields and field order', function () {
      // when
      const schema = schemaOf([field('text', 'b', { required: true }), field('date', 'a')], { title: 'Tờ khai' });

      // then
      expect(schema).to.include({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Tờ khai', type: 'object', additionalProperties: false });
      expect(schema.required).to.deep.equal(['b']);
      expect(schema['x-ui']).to.deep.equal({ order: ['b', 'a'] });
    });

    it('should write help, placeholder and visibleWhen into x-ui, and a required-when-visible field as an if/then rule', function () {
      // when
      const schema = schemaOf([
        field('radio', 'delivery', { options: [{ value: 'desk', name: 'Tại quầy' }, { value: 'post', name: 'Bưu điện' }] }),
        field('text', 'street', { required: true, help: 'Nơi nhận', placeholder: '24 Trần Phú', visibleWhen: { field: 'delivery', values: ['post'] } }),
      ]);

      // then
      expect((schema.properties as Schema).street).to.deep.include({ 'x-ui': { placeholder: '24 Trần Phú', help: 'Nơi nhận', visibleWhen: { delivery: ['post'] } } });
      expect(schema.required).to.equal(undefined);
      expect(schema.allOf).to.deep.equal([{ if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] }, then: { required: ['street'] } }]);
    });

    it('should write a rule on several values with enum', function () {
      const schema = schemaOf([field('number', 'n'), field('date', 'd', { required: true, visibleWhen: { field: 'n', values: [1, 2] } })]);
      expect(schema.allOf).to.deep.equal([{ if: { properties: { n: { enum: [1, 2] } }, required: ['n'] }, then: { required: ['d'] } }]);
    });

    it('should write a repeatable group as an array of closed objects with their own fields', function () {
      // when
      const property = (schemaOf(everyType()).properties as Schema).children;

      // then
      expect(property).to.deep.equal({
        title: 'Trường children',
        type: 'array',
        minItems: 1,
        maxItems: 5,
        items: {
          title: 'Người con',
          type: 'object',
          properties: { name: { title: 'Trường name', $ref: `${DEFS}text` }, dateOfBirth: { title: 'Trường dateOfBirth', $ref: `${DEFS}date` } },
          required: ['name'],
          additionalProperties: false,
          'x-ui': { order: ['name', 'dateOfBirth'] },
        },
      });
    });
  });

  describe("schemaOf: what the server's ajv makes of it", function () {
    let server: FormRegistry;
    before(function () {
      server = serverWith(schemaOf(everyType(), { title: 'Tờ khai thử' }));
    });

    it('should offer every field type in the example', function () {
      expect(everyType().map((f) => f.type)).to.have.members([...FIELD_TYPES]);
    });

    it('should compile and accept a valid sample', function () {
      expect(server.validate('test/submission', VALID)).to.deep.equal([]);
    });

    const refused: [description: string, data: Record<string, unknown>, path: string, message: RegExp][] = [
      ['a 10-digit ID number', { idNumber: '0480900012' }, '/idNumber', /phải gồm đúng 12 chữ số/],
      ['a missing required date', { dateOfBirth: undefined }, '/dateOfBirth', /Trường «Trường dateOfBirth» là bắt buộc/],
      ['a value that is not an option', { relation: 'uncle' }, '/relation', /«Cha», «Mẹ»/],
      ['an unticked commitment', { commitment: false }, '/commitment', /Cần đánh dấu «Trường commitment»/],
      ['a phone number too short', { phone: '091234567' }, '/phone', /số di động 10 chữ số/],
      ['an e-mail without @', { email: 'an.example.vn' }, '/email', /thư điện tử hợp lệ/],
      ['a name over its maximum length', { fullName: 'A'.repeat(101) }, '/fullName', /không được dài quá 100 ký tự/],
      ['a name against its own pattern', { fullName: ' An' }, '/fullName', /không được bắt đầu bằng khoảng trắng/],
      ['more copies than the maximum', { copies: 11 }, '/copies', /nhỏ hơn hoặc bằng 10/],
      ['a fraction of a copy', { copies: 1.5 }, '/copies', /số nguyên/],
      ['a postal delivery without the address', { postalAddress: undefined }, '/postalAddress', /bắt buộc/],
      ['an address without its commune', { postalAddress: { province: 'Đà Nẵng', street: '24 Trần Phú' } }, '/postalAddress/commune', /bắt buộc/],
      ['an attachment for another component', { birthCertificate: 'van-ban-uy-quyen' }, '/birthCertificate', /giay-chung-sinh/],
      ['an empty list of children', { children: [] }, '/children', /ít nhất một mục/],
      ['a child without a name', { children: [{ dateOfBirth: '2015-09-01' }] }, '/children/0/name', /bắt buộc/],
      ['a field the form does not have', { nickname: 'An' }, '/nickname', /không có trong biểu mẫu/],
    ];
    for (const [description, changes, path, message] of refused) {
      it(`should refuse ${description} at ${path}`, function () {
        // when
        const errors = server.validate('test/submission', { ...VALID, ...changes });

        // then
        expect(errors.map((e) => e.path)).to.deep.equal([path]);
        expect(errors[0].message).to.match(message);
      });
    }

    it('should NOT ask for the postal address when the form is collected at the desk', function () {
      expect(server.validate('test/submission', { ...VALID, delivery: 'desk', postalAddress: undefined })).to.deep.equal([]);
    });
  });

  describe('fieldsOf: reading a schema back', function () {
    it('should read back every field the builder wrote, settings included', function () {
      // given
      const fields = everyType();

      // when
      const read = fieldsOf(schemaOf(fields));

      // then
      expect(read).to.deep.equal(fields);
    });

    it('should read back a required-when-visible field and a conditional ticked checkbox', function () {
      const fields = [
        field('radio', 'delivery', { options: OPTIONS }),
        field('checkbox', 'agree', { required: true, visibleWhen: { field: 'delivery', values: ['mother'] } }),
        field('checkbox', 'optional', { visibleWhen: { field: 'delivery', values: ['father'] } }),
      ];
      expect(fieldsOf(schemaOf(fields))).to.deep.equal(fields);
    });

    it('should keep a property it cannot edit as an advanced field, untouched', function () {
      // given
      const person = { $ref: `${DEFS}person`, title: 'Người mẹ', type: 'object', required: ['name'] };
      const schema = { ...schemaOf([field('text', 'note')]), properties: { note: { title: 'Ghi chú', $ref: `${DEFS}text` }, mother: person } };

      // when
      const [note, mother] = fieldsOf(schema);

      // then
      expect(note.type).to.equal('text');
      expect(mother).to.deep.equal({ key: 'mother', type: 'advanced', title: 'Người mẹ', required: false, schema: person });
    });

    it('should keep a property that differs from what the builder writes by one keyword', function () {
      const property = { title: 'Số bản sao', type: 'integer', minimum: 0, default: 0 };
      const [read] = fieldsOf({ type: 'object', properties: { copies: property } });
      expect(read).to.deep.include({ type: 'advanced', schema: property });
    });

    for (const id of ['khai-sinh/submission', 'ly-lich-tu-phap/submission', 'giay-phep-xay-dung-nha-o/submission', 'steps/receive']) {
      it(`should keep ${id} as the server validates it through fieldsOf → schemaOf`, function () {
        // given
        const original = readForm(id);

        // when
        const rebuilt = schemaOf(fieldsOf(original), formOptionsOf(original));

        // then every keyword the server reads is still there, and only the field order hint may be added
        expect(withoutOrderHint(rebuilt)).to.deep.equal(withoutOrderHint({ ...original, additionalProperties: false }));
        expect(() => serverWith(rebuilt)).not.to.throw();
      });
    }

    it('should read the editable fields of khai-sinh and keep the rest advanced', function () {
      const fields = fieldsOf(readForm('khai-sinh/submission'));
      expect(fields.map((f) => [f.key, f.type])).to.deep.equal([
        ['child', 'advanced'],
        ['mother', 'advanced'],
        ['father', 'advanced'],
        ['requesterRelation', 'select'],
        ['extraExtracts', 'advanced'],
      ]);
    });
  });
});

/** A schema with its root `x-ui.order` left out and `allOf` sorted: neither changes what the server validates. */
function withoutOrderHint(schema: Schema): Schema {
  const { 'x-ui': ui, allOf, ...rest } = schema;
  const { order, ...otherUi } = (ui ?? {}) as Schema;
  void order;
  const sortedRules = Array.isArray(allOf) ? [...allOf].map((r) => JSON.stringify(r)).sort() : undefined;
  return { ...rest, ...(Object.keys(otherUi).length ? { 'x-ui': otherUi } : {}), ...(sortedRules ? { allOf: sortedRules } : {}) };
}
