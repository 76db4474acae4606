import { expect } from 'chai';
import { vi } from '../../designer/modeler/i18n/vi.js';
import { createTranslate } from '../../designer/modeler/translate.js';
import { AREA_RULES, areaOf, collectStrings, shownStrings, textsOf, type Area } from './support/collectStrings.js';

/** Strings the modeler shows that stay as they are in Vietnamese, and why. */
const UNTRANSLATED: Readonly<Record<string, string>> = {
  BPMN: 'the name of the standard, written the same in Vietnamese (an implementation option of ad-hoc sub-processes)',
  '{label} {message}': "only placeholders: a template field's label followed by the template's own (Vietnamese) message",
  '{eventType}: {type}': "only placeholders: a listener's event type and job type",
};

const SHOWN_AREAS: readonly Exclude<Area, 'notShown'>[] = ['palette', 'contextPad', 'popupMenu', 'canvas', 'propertiesPanel', 'templateChooser', 'page'];

function placeholders(text: string): string[] {
  return [...text.matchAll(/{([^}]+)}/g)].map((m) => m[1]).sort();
}

function translated(text: string): boolean {
  return Object.prototype.hasOwnProperty.call(vi, text) && vi[text] !== text;
}

describe('designer: Vietnamese translation of the modeler', function () {
  const collected = collectStrings();
  const shown = shownStrings(collected);
  const keys = Object.keys(vi);

  it('should find the strings of every part of the modeler in the libraries it uses', function () {
    const areas = new Set(shown.map((entry) => areaOf(entry)?.area));

    expect([...areas]).to.have.members([...SHOWN_AREAS]);
    expect(textsOf(shown)).to.include.members([
      'Create start event',
      'Append task',
      'Change element',
      'User task',
      'General',
      'Candidate groups',
      'Headers',
      'User Task',
      'Select',
      'Choose element template',
    ]);
  });

  for (const area of SHOWN_AREAS) {
    it(`should translate every string of the ${area} into Vietnamese`, function () {
      const texts = textsOf(shown.filter((entry) => areaOf(entry)?.area === area && entry.pattern !== 'prefix'));
      const missing = texts.filter((text) => !(text in UNTRANSLATED) && !translated(text));

      expect(texts).to.have.length.greaterThan(0);
      expect(missing).to.deep.equal([]);
    });
  }

  it('should translate every key a library builds from a fixed start (e.g. "Align elements " + side)', function () {
    const starts = textsOf(shown.filter((entry) => entry.pattern === 'prefix'));
    const uncovered = starts.filter((start) => !keys.some((key) => key.startsWith(start) && translated(key)));

    expect(starts).to.include('Align elements ');
    expect(uncovered).to.deep.equal([]);
  });

  it('should say why each part whose strings stay untranslated is not shown', function () {
    const hidden = AREA_RULES.filter((rule) => rule.area === 'notShown');

    expect(hidden).to.have.length.greaterThan(0);
    expect(hidden.filter((rule) => !rule.reason).map((rule) => `${rule.pkg} ${rule.file}`)).to.deep.equal([]);
  });

  it('should list as deliberately untranslated only strings the modeler shows and the map leaves out', function () {
    const texts = new Set(textsOf(shown));

    expect(Object.keys(UNTRANSLATED).filter((text) => !texts.has(text) || text in vi)).to.deep.equal([]);
  });

  it('should NOT keep translations that no shown string uses', function () {
    const texts = new Set(textsOf(shown));
    const starts = textsOf(shown.filter((entry) => entry.pattern === 'prefix'));
    const unused = keys.filter((key) => !texts.has(key) && !starts.some((start) => key.startsWith(start)));

    expect(unused).to.deep.equal([]);
  });

  it('should keep the {placeholders} of every string in its translation', function () {
    const changed = keys.filter((key) => placeholders(key).join() !== placeholders(vi[key]).join());

    expect(changed).to.deep.equal([]);
  });

  it('should NOT leave a translation blank or equal to its English source', function () {
    expect(keys.filter((key) => !vi[key].trim() || vi[key] === key)).to.deep.equal([]);
  });
});

describe('designer: translate', function () {
  it('should translate into Vietnamese and fill in the placeholders', function () {
    // given
    const translate = createTranslate('vi');

    // when
    const text = translate('Open {element}', { element: 'Thẩm định hồ sơ' });

    // then
    expect(text).to.equal('Mở Thẩm định hồ sơ');
  });

  it('should fill in several placeholders, numbers included', function () {
    // given
    const translate = createTranslate('vi');

    // when
    const text = translate('{label} cannot exceed {maxLength} characters.', { label: 'Tên bước', maxLength: 0 });

    // then
    expect(text).to.equal('Tên bước không được dài quá 0 ký tự.');
  });

  it('should keep a placeholder that has no value visible', function () {
    // given
    const translate = createTranslate('vi');

    // when
    const text = translate('A new version of the template is available: {templateVersion}');

    // then
    expect(text).to.equal('Đã có phiên bản mới của mẫu: {templateVersion}');
  });

  it('should keep English and fill in the placeholders for language en', function () {
    // given
    const translate = createTranslate('en');

    // when
    const text = translate('Open {element}', { element: 'Appraisal' });

    // then
    expect(text).to.equal('Open Appraisal');
  });

  it('should pass through a string it has no translation for, such as a template name', function () {
    expect(createTranslate('vi')('Tiếp nhận hồ sơ')).to.equal('Tiếp nhận hồ sơ');
  });

  it('should NOT take a property of Object.prototype for a translation', function () {
    expect(createTranslate('vi')('constructor')).to.equal('constructor');
  });
});
