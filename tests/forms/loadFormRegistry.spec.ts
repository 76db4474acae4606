import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFormRegistry, type FormRegistry, type FormSchema, loadFormRegistry } from '../../forms/index.js';
import { rejectionOf } from '../support/rejectionOf.js';
import { SUBMISSION_CODES } from './formData.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const STEP_KINDS = ['receive', 'process', 'approve', 'transfer', 'payment', 'return'];

describe('forms: loadFormRegistry', function () {
  let forms: FormRegistry;

  before(async function () {
    forms = await loadFormRegistry();
  });

  it('should load every shipped form under the id of its path', function () {
    // given
    const expected = [
      'common/applicant',
      'common/defs',
      ...SUBMISSION_CODES.map((code) => `${code}/submission`),
      ...STEP_KINDS.map((kind) => `steps/${kind}`),
    ];

    // then
    expect(forms.ids()).to.deep.equal([...expected].sort());
    for (const id of expected) expect(forms.has(id), id).to.equal(true);
  });

  it('should give each schema as written in its file', function () {
    // given
    const file = JSON.parse(readFileSync(join(root, 'forms', 'common', 'applicant.schema.json'), 'utf8')) as FormSchema;

    // then
    expect(forms.schema('common/applicant')).to.deep.equal(file);
  });

  it('should NOT let a caller change a schema the registry validates with', function () {
    // given
    const schema = forms.schema('common/applicant') as { required: string[] };

    // then
    expect(() => schema.required.push('phone')).to.throw(TypeError);
  });

  it('should give every property of every form a Vietnamese title', function () {
    // when
    const untitled = forms.ids().flatMap((id) => untitledProperties(forms, id));

    // then
    expect(untitled).to.deep.equal([]);
  });

  it('should have a form for every procedure that names one', function () {
    // given the procedures shipped so far
    const processes = join(root, 'processes');
    const named = readdirSync(processes)
      .map((folder) => join(processes, folder, 'procedure.json'))
      .filter((file) => existsSync(file))
      .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { submissionForm?: string }).submissionForm);

    // then
    for (const id of named) expect(forms.has(String(id)), `form ${id}`).to.equal(true);
  });

  it('should NOT validate against an id it does not know, naming the ones it knows', function () {
    expect(() => forms.validate('khai-tu/submission', {})).to.throw(
      Error,
      "Expected a form id among chung-thuc-ban-sao/submission, common/applicant, common/defs, dang-ky-ho-kinh-doanh/submission",
    );
    expect(() => forms.schema('khai-tu/submission')).to.throw(Error, "but got 'khai-tu/submission'");
  });

  describe('refusing broken forms at load', function () {
    let dir: string;

    beforeEach(async function () {
      dir = await mkdtemp(join(tmpdir(), 'motcua-forms-'));
    });

    afterEach(async function () {
      await rm(dir, { recursive: true, force: true });
    });

    async function write(path: string, content: unknown): Promise<void> {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
    }

    it('should read nested folders and ignore files that are not schemas', async function () {
      // given
      await write('a/b/submission.schema.json', { type: 'object', properties: { ten: { title: 'Tên', type: 'string' } } });
      await write('a/README.md', '# not a form');
      await write('a/example.json', {});

      // when
      const loaded = await loadFormRegistry(dir);

      // then
      expect(loaded.ids()).to.deep.equal(['a/b/submission']);
    });

    const broken: [description: string, files: Record<string, unknown>, message: string][] = [
      ['a file that is not JSON', { 'x/submission.schema.json': '{ "type": ' }, 'submission.schema.json to hold JSON'],
      ['a file that holds an array', { 'x/submission.schema.json': [] }, 'to hold a JSON Schema object, but got an array'],
      [
        'a schema that declares its own $id',
        { 'x/submission.schema.json': { $id: 'urn:x', type: 'object' } },
        "Expected form 'x/submission' to leave out $id",
      ],
      [
        'a $ref to a file that does not exist',
        { 'x/submission.schema.json': { type: 'object', properties: { a: { $ref: '../common/missing.schema.json#/$defs/a' } } } },
        "Expected form 'x/submission' to compile, but: can't resolve reference",
      ],
      [
        'a misspelt x-ui widget',
        { 'x/submission.schema.json': { type: 'string', 'x-ui': { widget: 'textbox' } } },
        "Expected form 'x/submission' to compile",
      ],
      [
        'an x-message for a keyword it does not translate',
        { 'x/submission.schema.json': { type: 'string', 'x-message': { patern: '…' } } },
        "Expected form 'x/submission' to compile",
      ],
      [
        'a keyword unknown to strict mode',
        { 'x/submission.schema.json': { type: 'string', maxlength: 3 } },
        'unknown keyword: "maxlength"',
      ],
      [
        'enum names that do not match the enum',
        { 'x/submission.schema.json': { type: 'string', enum: ['a', 'b'], 'x-enumNames': ['A'] } },
        'Expected x-enumNames at x/submission# to name each of the 2 enum values, but got 1 names',
      ],
      [
        'a field order naming a property the object lacks',
        { 'x/submission.schema.json': { type: 'object', properties: { a: { type: 'string' } }, 'x-ui': { order: ['a', 'b'] } } },
        'Expected x-ui.order at x/submission# to list properties among a, but got b',
      ],
    ];

    for (const [description, files, message] of broken) {
      it(`should NOT load ${description}`, async function () {
        // given
        for (const [path, content] of Object.entries(files)) await write(path, content);

        // when
        const error = await rejectionOf(loadFormRegistry(dir));

        // then
        expect(error.message).to.include(message);
      });
    }
  });

  describe('createFormRegistry', function () {
    it('should resolve $ref between forms given in memory', function () {
      // given
      const registry = createFormRegistry({
        'shared/defs': { $defs: { code: { title: 'Mã', type: 'string', pattern: '^[0-9]+$' } } },
        'x/submission': { type: 'object', properties: { code: { $ref: '../shared/defs.schema.json#/$defs/code', title: 'Mã hồ sơ' } } },
      });

      // when
      const errors = registry.validate('x/submission', { code: 'abc' });

      // then
      expect(errors).to.deep.equal([{ path: '/code', message: '«Mã hồ sơ» không đúng định dạng' }]);
    });
  });
});

/** `<id>#<pointer>` of every `properties` entry without a Vietnamese title of its own. */
function untitledProperties(forms: FormRegistry, id: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (['enum', 'const', 'default', 'x-ui', 'x-message', 'x-enumNames'].includes(key)) continue;
      if (key === 'properties' && typeof child === 'object' && child !== null && !isConditional(pointer)) {
        for (const [name, property] of Object.entries(child)) {
          if (!hasTitle(property)) found.push(`${id}#${pointer}/properties/${name}`);
        }
      }
      visit(child, `${pointer}/${key}`);
    }
  };
  visit(forms.schema(id), '');
  return found;
}

/** `if` and `then` repeat a property only to constrain it; its title is where it is defined. */
function isConditional(pointer: string): boolean {
  return /\/(?:if|then|else)$/.test(pointer);
}

/** Titles sit on the property itself, next to any `$ref`: the UI reads them without resolving references. */
function hasTitle(property: unknown): boolean {
  const title = typeof property === 'object' && property !== null ? (property as { title?: unknown }).title : undefined;
  // A Vietnamese title has at least one letter outside ASCII; an English placeholder would not.
  return typeof title === 'string' && /[^\u0020-\u007e]/u.test(title);
}
