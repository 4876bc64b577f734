import type { FindingKind, Plan } from '../../reconcile/model.js';
import { counted } from '../../text/counted.js';

/** `~` fixable drift, `!` needs a person, `-` missing, `+` unknown or moved device, `?` a warning. */
export const SYMBOL: Record<FindingKind, string> = { fix: '~', attention: '!', missing: '-', unknown: '+', warning: '?' };

/** The plan's one-line summary, as every terminal and markdown view ends. */
export const summaryLine = (s: Plan['summary']): string =>
  `Plan: ${s.fix} to fix, ${s.attention} need attention, ${s.missing} missing, ${counted(s.unknown, 'unknown device')}${s.warning ? `, ${counted(s.warning, 'warning')}` : ''}.`;
