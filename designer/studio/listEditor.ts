import { t } from '../shared/texts.js';
import { h } from './dom.js';

/**
 * An editable list shown as an ordered list: each entry has its own fields and buttons to
 * move it up or down and remove it. The entries are the state; every change re-draws the
 * list and puts the focus back where the person was working.
 */
export interface ListEditor<T> {
  items(): T[];
  set(items: readonly T[]): void;
  add(item: T): void;
}

export interface ListEditorOptions<T> {
  readonly container: HTMLElement;
  /** The fields of one entry; `update` changes the entry without re-drawing the list. */
  readonly renderFields: (item: T, index: number, update: (change: Partial<T>) => void) => Node[];
  /** How the buttons name the entry for screen readers ("Xóa Giấy tờ 2"). */
  readonly label: (item: T, index: number) => string;
  readonly onChange: () => void;
  /** Called after every re-draw (e.g. to show or hide a "none yet" line). */
  readonly onRender?: (count: number) => void;
}

export function mountListEditor<T>(options: ListEditorOptions<T>): ListEditor<T> {
  let items: T[] = [];

  const render = (focus?: { index: number; action: string }) => {
    options.container.replaceChildren(...items.map((item, index) => entry(item, index)));
    options.onRender?.(items.length);
    if (!focus) return;
    const row = options.container.children[Math.min(focus.index, items.length - 1)];
    const target = row?.querySelector<HTMLElement>(`[data-list-action="${focus.action}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input, textarea, select');
    target?.focus();
  };

  const change = (next: T[], focus?: { index: number; action: string }) => {
    items = next;
    render(focus);
    options.onChange();
  };

  const entry = (item: T, index: number) => {
    const update = (partial: Partial<T>) => {
      items[index] = { ...items[index]!, ...partial } as T;
      options.onChange();
    };
    const label = options.label(item, index);
    const move = (to: number, action: string) => {
      const next = [...items];
      [next[index], next[to]] = [next[to]!, next[index]!];
      change(next, { index: to, action });
    };
    const buttons = h(
      'div',
      { class: 'studio-list-buttons' },
      button(t('studio.meta.moveUp'), t('studio.meta.moveUpItem', { name: label }), 'up', index === 0, () => move(index - 1, 'up')),
      button(t('studio.meta.moveDown'), t('studio.meta.moveDownItem', { name: label }), 'down', index === items.length - 1, () => move(index + 1, 'down')),
      button(t('studio.meta.remove'), t('studio.meta.removeItem', { name: label }), 'remove', false, () =>
        change(items.filter((_, i) => i !== index), { index, action: 'remove' }),
      ),
    );
    return h('li', { class: 'studio-list-entry' }, ...options.renderFields(item, index, update), buttons);
  };

  return {
    items: () => [...items],
    set(next) {
      items = [...next];
      render();
    },
    add(item) {
      change([...items, item], { index: items.length, action: 'none' });
    },
  };
}

function button(text: string, label: string, action: string, disabled: boolean, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', class: 'secondary', 'aria-label': label, 'data-list-action': action, disabled }, text);
  element.addEventListener('click', onClick);
  return element;
}
