import { translate, type Language } from '../i18n.js';

/** A deadline badge: a class for its colour and a text, so the state never rests on colour alone. */
export interface DeadlineBadge {
  readonly kind: 'overdue' | 'due-soon' | 'ok';
  readonly text: string;
}

export function deadlineBadge(state: { readonly overdue: boolean; readonly dueSoon: boolean; readonly dueAt: string | null }, language: Language): DeadlineBadge | null {
  if (state.overdue) return { kind: 'overdue', text: translate(language, 'officer.badge.overdue') };
  if (state.dueSoon) return { kind: 'due-soon', text: translate(language, 'officer.badge.dueSoon') };
  return state.dueAt ? { kind: 'ok', text: translate(language, 'officer.badge.onTime') } : null;
}
