import { expect } from 'chai';
import { keyAction, type KeyAction, type KeyChord } from '../../designer/modeler/keyAction.js';

const chord = (key: string, modifiers: Partial<Omit<KeyChord, 'key'>> = {}): KeyChord => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('designer: undo and redo keys anywhere on the page', function () {
  const cases: [title: string, pressed: KeyChord, action: KeyAction | null][] = [
    ['Ctrl+Z', chord('z', { ctrlKey: true }), 'undo'],
    ['⌘Z', chord('z', { metaKey: true }), 'undo'],
    ['Ctrl+Z with Caps Lock on', chord('Z', { ctrlKey: true }), 'undo'],
    ['Ctrl+Y', chord('y', { ctrlKey: true }), 'redo'],
    ['Ctrl+Shift+Z', chord('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['⌘⇧Z', chord('z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Z alone', chord('z'), null],
    ['Ctrl+Alt+Z (AltGr on some layouts)', chord('z', { ctrlKey: true, altKey: true }), null],
    ['Ctrl+Shift+Y', chord('y', { ctrlKey: true, shiftKey: true }), null],
    ['Ctrl+C', chord('c', { ctrlKey: true }), null],
  ];

  for (const [title, pressed, action] of cases) {
    it(`should ${action ? `${action} on ${title}` : `NOT undo or redo on ${title}`}`, function () {
      expect(keyAction(pressed)).to.equal(action);
    });
  }
});
