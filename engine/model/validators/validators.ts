import { conditions } from './conditions.js';
import { duplicates } from './duplicates.js';
import { eventBasedGateways } from './eventBasedGateways.js';
import { flowEnds } from './flowEnds.js';
import { startEvents } from './startEvents.js';
import { timerPositions } from './timerPositions.js';
import type { Validator } from './Validator.js';

/** Every cross-element rule, run once flows and boundary events are linked. */
export const VALIDATORS: readonly Validator[] = [startEvents, flowEnds, conditions, eventBasedGateways, timerPositions, duplicates];
