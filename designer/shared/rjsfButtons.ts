import { getDefaultRegistry } from '@rjsf/core';
import type { ArrayFieldItemButtonsTemplateProps, IconButtonProps, TemplatesType } from '@rjsf/utils';
import { buttonId } from '@rjsf/utils';
import { createElement as h, Fragment } from 'react';

/** What a button of a list (residences, extracts, missing papers) does. */
export type ListAction = 'add' | 'remove' | 'moveUp' | 'moveDown' | 'copy';

/** The action of a button drawn on one item of the list. */
export type ItemAction = Exclude<ListAction, 'add'>;

/**
 * The words of a list's buttons, asked for when the buttons are drawn so each page keeps
 * its own texts in its own language.
 */
export interface ListButtonTexts {
  /** The word shown on the button: "Thêm mục", "Xóa mục". */
  word(action: ListAction): string;
  /** The name a screen reader gives an item's button, naming the item ("Xóa mục 2"); without it the word is the name. */
  forItem?(action: ItemAction, position: number): string;
}

type Look = 'primary' | 'secondary';

/**
 * rjsf draws these buttons as icons of a font the pages do not load, which leaves blank
 * squares; these are real buttons that say what they do.
 */
function listButton(texts: ListButtonTexts, action: ListAction, look: Look) {
  return function ListButton({ id, className, onClick, disabled, 'aria-label': name }: IconButtonProps) {
    const classes = ['list-button', look === 'secondary' ? 'secondary' : '', className ?? ''].filter(Boolean).join(' ');
    return h('button', { id, type: 'button', className: classes, onClick, disabled, 'aria-label': name }, texts.word(action));
  };
}

/** The buttons of one item, as rjsf lays them out, each named after the item when the texts can. */
function itemButtons(texts: ListButtonTexts) {
  return function ListItemButtons(props: ArrayFieldItemButtonsTemplateProps) {
    const { disabled, readonly, hasCopy, hasMoveDown, hasMoveUp, hasRemove, fieldPathId, index, registry, uiSchema } = props;
    const { CopyButton, MoveDownButton, MoveUpButton, RemoveButton } = registry.templates.ButtonTemplates;
    const locked = disabled || readonly;
    const button = (action: ItemAction) => ({
      id: buttonId(fieldPathId, action),
      className: `rjsf-array-item-${ITEM_CLASSES[action]}`,
      'aria-label': texts.forItem?.(action, index + 1),
      uiSchema,
      registry,
    });
    const movable = hasMoveUp || hasMoveDown;
    return h(
      Fragment,
      null,
      movable ? h(MoveUpButton, { ...button('moveUp'), disabled: locked || !hasMoveUp, onClick: props.onMoveUpItem }) : null,
      movable ? h(MoveDownButton, { ...button('moveDown'), disabled: locked || !hasMoveDown, onClick: props.onMoveDownItem }) : null,
      hasCopy ? h(CopyButton, { ...button('copy'), disabled: locked, onClick: props.onCopyItem }) : null,
      hasRemove ? h(RemoveButton, { ...button('remove'), disabled: locked, onClick: props.onRemoveItem }) : null,
    );
  };
}

const ITEM_CLASSES: Readonly<Record<ItemAction, string>> = { moveUp: 'move-up', moveDown: 'move-down', copy: 'copy', remove: 'remove' };

/**
 * The rjsf templates for lists with buttons in words: add, remove, move up, move down, copy.
 * Spread them into a form's `templates`; the page's CSS gives them 44-pixel targets.
 */
export function listButtonTemplates(texts: ListButtonTexts): Pick<TemplatesType, 'ButtonTemplates' | 'ArrayFieldItemButtonsTemplate'> {
  return {
    ButtonTemplates: {
      ...getDefaultRegistry().templates.ButtonTemplates,
      AddButton: listButton(texts, 'add', 'primary'),
      RemoveButton: listButton(texts, 'remove', 'secondary'),
      MoveUpButton: listButton(texts, 'moveUp', 'secondary'),
      MoveDownButton: listButton(texts, 'moveDown', 'secondary'),
      CopyButton: listButton(texts, 'copy', 'secondary'),
    },
    ArrayFieldItemButtonsTemplate: itemButtons(texts),
  };
}
