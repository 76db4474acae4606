import { TranslatableString, englishStringTranslator } from '@rjsf/utils';
import { listButtonTemplates, type ItemAction, type ListAction } from '../shared/rjsfButtons.js';
import { t } from '../shared/texts.js';

/** rjsf's own words (list titles, yes/no) in the page's language; the rest stay as rjsf writes them. */
const KEYS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'officer.form.item',
  [TranslatableString.EmptyArray]: 'officer.form.emptyList',
  [TranslatableString.YesLabel]: 'officer.value.yes',
  [TranslatableString.NoLabel]: 'officer.value.no',
};

export function translateString(text: TranslatableString, params?: string[]): string {
  const key = KEYS[text];
  return key ? t(key) : englishStringTranslator(text, params);
}

const LIST_WORDS: Readonly<Record<ListAction, string>> = {
  add: 'officer.form.add',
  remove: 'officer.form.remove',
  moveUp: 'officer.form.moveUp',
  moveDown: 'officer.form.moveDown',
  copy: 'officer.form.copy',
};

const ITEM_NAMES: Readonly<Record<ItemAction, string>> = {
  remove: 'officer.form.removeAt',
  moveUp: 'officer.form.moveUpAt',
  moveDown: 'officer.form.moveDownAt',
  copy: 'officer.form.copyAt',
};

/** The buttons of a list (papers to add) in words, each item's buttons naming the item. */
export const LIST_TEMPLATES = listButtonTemplates({
  word: (action) => t(LIST_WORDS[action]),
  forItem: (action, position) => t(ITEM_NAMES[action], { position }),
});
