import type CommandStack from 'diagram-js/lib/command/CommandStack';
import { keyAction } from './keyAction.js';

/** Where typing keeps the browser's own undo: form fields, the FEEL editors, label editing. */
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * Undo / redo from anywhere on the page, not only when the canvas has the focus (diagram-js
 * binds its keyboard to the canvas alone). Keys the canvas already handled, keys typed
 * into an editable field, and keys pressed while the diagram is hidden (another tab of
 * the page is shown) are left alone. Returns the function that unbinds.
 */
export function bindUndoRedo(target: Document, commandStack: CommandStack, container?: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || (container && !isShown(container))) return;
    const action = keyAction(event);
    if (!action || isEditable(event.target)) return;
    event.preventDefault();
    if (action === 'undo') commandStack.undo();
    else commandStack.redo();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

function isShown(element: HTMLElement): boolean {
  return element.isConnected && element.getClientRects().length > 0;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(EDITABLE) !== null;
}
