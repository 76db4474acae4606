/**
 * The builder's edits as pure functions over the field list: each returns a new list and
 * leaves the old one alone, so the history can keep every state. A field is found by its
 * path: its index, then its index inside a group, and so on.
 */
import { FIELD_TYPES, type Field, type FieldType } from './model.js';

export type FieldPath = readonly number[];

const DEFAULT_TITLES: { readonly [type in FieldType]: string } = {
  text: 'Trường văn bản',
  longText: 'Nội dung',
  number: 'Số lượng',
  date: 'Ngày',
  select: 'Lựa chọn',
  radio: 'Lựa chọn',
  checkbox: 'Xác nhận',
  idNumber: 'Số định danh cá nhân',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  attachment: 'Giấy tờ đính kèm',
  group: 'Danh sách',
};

/** A new field of a type, with a key not yet used among its siblings and a Vietnamese title to change. */
export function newField(type: FieldType, siblings: readonly Field[], components: readonly { code: string }[] = []): Field {
  const used = new Set(siblings.map((f) => f.key));
  let key: string = type;
  for (let n = 2; used.has(key); n += 1) key = `${type}${n}`;
  const field: Field = { key, type, title: DEFAULT_TITLES[type], required: false };
  if (type === 'select' || type === 'radio') {
    field.options = [
      { value: 'option1', name: 'Lựa chọn 1' },
      { value: 'option2', name: 'Lựa chọn 2' },
    ];
  }
  if (type === 'attachment' && components.length > 0) field.component = components[0].code;
  if (type === 'group') {
    field.itemTitle = 'Mục';
    field.fields = [{ key: 'text', type: 'text', title: DEFAULT_TITLES.text, required: false }];
  }
  return field;
}

export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}

export function fieldAt(fields: readonly Field[], path: FieldPath): Field | undefined {
  const [index, ...rest] = path;
  const field = fields[index];
  if (!field || rest.length === 0) return field;
  return fieldAt(field.fields ?? [], rest);
}

/** The list a path's field sits in. */
export function siblingsAt(fields: readonly Field[], path: FieldPath): readonly Field[] {
  return path.length <= 1 ? fields : (fieldAt(fields, path.slice(0, -1))?.fields ?? []);
}

/** Changes the list that holds the field at `path` (the root list for a one-step path). */
function changeList(fields: readonly Field[], parent: FieldPath, change: (list: Field[]) => Field[]): Field[] {
  if (parent.length === 0) return change([...fields]);
  const [index, ...rest] = parent;
  return fields.map((field, i) => (i === index ? { ...field, fields: changeList(field.fields ?? [], rest, change) } : field));
}

/** Adds a field at the end of the root list or of the group at `into`; returns the new list and the field's path. */
export function addField(fields: readonly Field[], field: Field, into: FieldPath = []): { fields: Field[]; path: number[] } {
  const length = (into.length === 0 ? fields : (fieldAt(fields, into)?.fields ?? [])).length;
  return { fields: changeList(fields, into, (list) => [...list, field]), path: [...into, length] };
}

export function removeField(fields: readonly Field[], path: FieldPath): Field[] {
  const index = path[path.length - 1];
  return changeList(fields, path.slice(0, -1), (list) => list.filter((_, i) => i !== index));
}

/** Moves a field up (`-1`) or down (`+1`) among its siblings; at an end nothing changes. */
export function moveField(fields: readonly Field[], path: FieldPath, offset: number): { fields: Field[]; path: number[] } {
  const index = path[path.length - 1];
  const target = index + offset;
  if (target < 0 || target >= siblingsAt(fields, path).length) return { fields: [...fields], path: [...path] };
  const moved = changeList(fields, path.slice(0, -1), (list) => {
    const [field] = list.splice(index, 1);
    list.splice(target, 0, field);
    return list;
  });
  return { fields: moved, path: [...path.slice(0, -1), target] };
}

/** Sets settings of a field; an `undefined` or empty-string value removes the setting. */
export function updateField(fields: readonly Field[], path: FieldPath, patch: Partial<Field>): Field[] {
  const index = path[path.length - 1];
  return changeList(fields, path.slice(0, -1), (list) => list.map((field, i) => (i === index ? patched(field, patch) : field)));
}

function patched(field: Field, patch: Partial<Field>): Field {
  const next: Record<string, unknown> = { ...field };
  for (const [name, value] of Object.entries(patch)) {
    const keepsEmpty = name === 'key' || name === 'title';
    if (value === undefined || (value === '' && !keepsEmpty)) delete next[name];
    else next[name] = value;
  }
  return next as unknown as Field;
}
