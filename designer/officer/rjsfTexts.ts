import { TranslatableString, englishStringTranslator } from '@rjsf/utils';
import { t } from '../shared/texts.js';

/** rjsf's own words (list buttons, yes/no) in the page's language; the rest stay as rjsf writes them. */
const KEYS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'officer.form.item',
  [TranslatableString.EmptyArray]: 'officer.form.emptyList',
  [TranslatableString.YesLabel]: 'officer.value.yes',
  [TranslatableString.NoLabel]: 'officer.value.no',
  [TranslatableString.AddButton]: 'officer.form.add',
  [TranslatableString.AddItemButton]: 'officer.form.add',
  [TranslatableString.RemoveButton]: 'officer.form.remove',
  [TranslatableString.MoveUpButton]: 'officer.form.moveUp',
  [TranslatableString.MoveDownButton]: 'officer.form.moveDown',
  [TranslatableString.CopyButton]: 'officer.form.copy',
};

export function translateString(text: TranslatableString, params?: string[]): string {
  const key = KEYS[text];
  return key ? t(key) : englishStringTranslator(text, params);
}
