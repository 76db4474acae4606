import { expect } from 'chai';
import { addField, moveField, newField, removeField, updateField } from '../../../designer/formBuilder/edits.js';
import { record, redo, startHistory, undo } from '../../../designer/formBuilder/history.js';
import type { Field, FieldType } from '../../../designer/formBuilder/model.js';
import { problemsOf } from '../../../designer/formBuilder/problems.js';
import { drawableSchemaOf, HIDDEN_CLASS, submittedData, uiSchemaOf } from '../../../designer/formBuilder/previewSchema.js';

function field(type: FieldType, key: string, settings: Partial<Field> = {}): Field {
  return { key, type, title: `Trường ${key}`, required: false, ...settings };
}

const keys = (fields: readonly Field[]) => fields.map((f) => f.key);

describe('designer: the form builder edits, history, problems and preview schema', function () {
  describe('edits', function () {
    it('should give a new field a key its siblings do not use', function () {
      expect(newField('text', [field('text', 'text'), field('text', 'text2')]).key).to.equal('text3');
    });

    it('should add into a group and return the new path', function () {
      // given
      const fields = [field('text', 'a'), field('group', 'people', { fields: [field('text', 'name')] })];

      // when
      const added = addField(fields, field('date', 'born'), [1]);

      // then
      expect(keys(added.fields[1].fields ?? [])).to.deep.equal(['name', 'born']);
      expect(added.path).to.deep.equal([1, 1]);
      expect(keys(fields[1].fields ?? [])).to.deep.equal(['name']);
    });

    it('should move a field and NOT move it past either end', function () {
      const fields = [field('text', 'a'), field('text', 'b'), field('text', 'c')];
      expect(keys(moveField(fields, [2], -2).fields)).to.deep.equal(['c', 'a', 'b']);
      expect(keys(moveField(fields, [0], -1).fields)).to.deep.equal(['a', 'b', 'c']);
    });

    it('should remove a setting set to an empty value but keep an empty title for its message', function () {
      const [changed] = updateField([field('text', 'a', { help: 'x' })], [0], { help: '', title: '' });
      expect(changed).to.deep.equal({ key: 'a', type: 'text', title: '', required: false });
    });

    it('should remove a field inside a group', function () {
      const fields = [field('group', 'people', { fields: [field('text', 'name'), field('date', 'born')] })];
      expect(keys(removeField(fields, [0, 0])[0].fields ?? [])).to.deep.equal(['born']);
    });
  });

  describe('history', function () {
    it('should undo and redo edits in order', function () {
      const history = record(record(startHistory(1), 2), 3);
      expect(undo(undo(history)).present).to.equal(1);
      expect(redo(undo(history)).present).to.equal(3);
    });

    it('should merge consecutive edits of one setting into one undo step', function () {
      // given typing "An" into one title
      const history = record(record(record(startHistory(''), 'A', '0:title'), 'An', '0:title'), 'An!', '0:help');

      // when / then
      expect(undo(history).present).to.equal('An');
      expect(undo(undo(history)).present).to.equal('');
    });

    it('should forget the undone states after a new edit', function () {
      expect(record(undo(record(startHistory(1), 2)), 5).future).to.deep.equal([]);
    });
  });

  describe('problems', function () {
    const cases: [description: string, fields: Field[], setting: string, text: string][] = [
      ['a key with a space', [field('text', 'ho ten')], 'key', 'formBuilder.problem.keyFormat'],
      ['a key starting with a capital', [field('text', 'HoTen')], 'key', 'formBuilder.problem.keyFormat'],
      ['the same key twice', [field('text', 'a'), field('date', 'a')], 'key', 'formBuilder.problem.keyDuplicate'],
      ['no title', [field('text', 'a', { title: ' ' })], 'title', 'formBuilder.problem.titleMissing'],
      ['a minimum above the maximum', [field('number', 'n', { minimum: 5, maximum: 1 })], 'maximum', 'formBuilder.problem.range'],
      ['a short text longer than the definition allows', [field('text', 'a', { maxLength: 500 })], 'maxLength', 'formBuilder.problem.lengthCap'],
      ['a pattern that is no regular expression', [field('text', 'a', { pattern: '([0-9]' })], 'pattern', 'formBuilder.problem.patternInvalid'],
      ['a message without a pattern', [field('text', 'a', { patternMessage: 'Sai' })], 'patternMessage', 'formBuilder.problem.messageWithoutPattern'],
      ['a choice without options', [field('select', 's', { options: [] })], 'options', 'formBuilder.problem.optionsMissing'],
      ['an option value used twice', [field('radio', 'r', { options: [{ value: 'x', name: 'X' }, { value: 'x', name: 'Y' }] })], 'options.1', 'formBuilder.problem.optionValueDuplicate'],
      ['an option without a name', [field('radio', 'r', { options: [{ value: 'x', name: '' }] })], 'options.0', 'formBuilder.problem.optionNameMissing'],
      ['a condition on a field that is not there', [field('text', 'a', { visibleWhen: { field: 'b', values: ['x'] } })], 'visibleWhen', 'formBuilder.problem.visibleWhenField'],
      ['a condition without values', [field('checkbox', 'c'), field('text', 'a', { visibleWhen: { field: 'c', values: [] } })], 'visibleWhen', 'formBuilder.problem.visibleWhenValues'],
      ['an attachment without its component', [field('attachment', 'f')], 'component', 'formBuilder.problem.componentMissing'],
      ['an empty group', [field('group', 'g', { fields: [] })], 'fields', 'formBuilder.problem.groupEmpty'],
    ];
    for (const [description, fields, setting, text] of cases) {
      it(`should report ${description}`, function () {
        expect(problemsOf(fields).map((p) => [p.setting, p.text])).to.deep.include([setting, text]);
      });
    }

    it('should report an attachment naming a component the procedure does not have', function () {
      const [problem] = problemsOf([field('attachment', 'f', { component: 'khac' })], { components: ['giay-chung-sinh'] });
      expect(problem).to.deep.equal({ path: [0], setting: 'component', text: 'formBuilder.problem.componentUnknown', values: { code: 'khac' } });
    });

    it('should point at a field inside a group by its path', function () {
      const [problem] = problemsOf([field('group', 'g', { fields: [field('text', 'ok'), field('text', '1bad')] })]);
      expect(problem.path).to.deep.equal([0, 1]);
    });

    it('should NOT report a field the builder makes', function () {
      const fields = (['text', 'select', 'group', 'address', 'idNumber'] as const).map((type) => newField(type, []));
      expect(problemsOf(fields.map((f, i) => ({ ...f, key: `${f.key}${i}` })))).to.deep.equal([]);
    });
  });

  describe('preview schema', function () {
    const defs = { $defs: { sex: { title: 'Giới tính', type: 'string', enum: ['male', 'female'], 'x-enumNames': ['Nam', 'Nữ'], 'x-ui': { widget: 'radio' } } } };

    it('should point the shared definitions into the form and name enum values by their Vietnamese names', function () {
      // when
      const drawn = drawableSchemaOf({ type: 'object', properties: { sex: { $ref: '../common/defs.schema.json#/$defs/sex', title: 'Giới tính' } } }, defs);

      // then
      expect(drawn.properties).to.deep.equal({ sex: { $ref: '#/$defs/sex', title: 'Giới tính' } });
      expect((drawn.$defs as Record<string, unknown>).sex).to.deep.include({ oneOf: [{ const: 'male', title: 'Nam' }, { const: 'female', title: 'Nữ' }] });
    });

    it('should take the widget from the referenced definition and hide a field whose condition is not met', function () {
      // given
      const drawn = drawableSchemaOf(
        {
          type: 'object',
          properties: {
            sex: { $ref: '../common/defs.schema.json#/$defs/sex', title: 'Giới tính' },
            note: { type: 'string', title: 'Ghi chú', 'x-ui': { help: 'Tùy chọn', visibleWhen: { sex: ['female'] } } },
          },
          'x-ui': { order: ['note', 'sex'] },
        },
        defs,
      );

      // when
      const hidden = uiSchemaOf(drawn, { sex: 'male' }, { choose: '— Chọn —' });
      const shown = uiSchemaOf(drawn, { sex: 'female' }, { choose: '— Chọn —' });

      // then
      expect(hidden).to.deep.equal({
        'ui:order': ['note', 'sex', '*'],
        sex: { 'ui:widget': 'radio' },
        note: { 'ui:help': 'Tùy chọn', 'ui:classNames': HIDDEN_CLASS },
      });
      expect(shown.note).to.deep.equal({ 'ui:help': 'Tùy chọn' });
    });

    it('should send what a portal would: no empty strings or objects', function () {
      expect(submittedData({ a: '', b: { c: '' }, d: [{ e: 'x', f: '' }], g: 0 })).to.deep.equal({ d: [{ e: 'x' }], g: 0 });
    });
  });
});
