export type KeyAction = 'undo' | 'redo';

/** The parts of a keyboard event that decide undo / redo. */
export interface KeyChord {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Ctrl+Z (⌘Z) undoes; Ctrl+Y and Ctrl+Shift+Z (⌘⇧Z) redo; anything else is not ours. */
export function keyAction(chord: KeyChord): KeyAction | null {
  if (!(chord.ctrlKey || chord.metaKey) || chord.altKey) return null;
  const key = chord.key.toLowerCase();
  if (key === 'z') return chord.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !chord.shiftKey) return 'redo';
  return null;
}
