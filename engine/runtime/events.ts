import type { JsonValue } from './state.js';

/**
 * Every state change of the engine is one event. Events are appended to the
 * history table in the order they were written and handed to subscribers
 * inside the same transaction.
 */

export const Intents = {
  PROCESS: ['CREATED'],
  PROCESS_INSTANCE: [
    'ELEMENT_ACTIVATING',
    'ELEMENT_ACTIVATED',
    'ELEMENT_COMPLETING',
    'ELEMENT_COMPLETED',
    'ELEMENT_TERMINATING',
    'ELEMENT_TERMINATED',
    'SEQUENCE_FLOW_TAKEN',
  ],
  VARIABLE: ['CREATED', 'UPDATED'],
  JOB: ['CREATED', 'ACTIVATED', 'COMPLETED', 'FAILED', 'ERROR_THROWN', 'CANCELED', 'RETRIES_UPDATED', 'TIMED_OUT'],
  USER_TASK: ['CREATED', 'ASSIGNED', 'UPDATED', 'COMPLETED', 'CANCELED'],
  TIMER: ['CREATED', 'TRIGGERED', 'CANCELED'],
  MESSAGE: ['PUBLISHED', 'EXPIRED'],
  MESSAGE_SUBSCRIPTION: ['CREATED', 'CORRELATED', 'DELETED'],
  INCIDENT: ['CREATED', 'RESOLVED'],
} as const;

export type ValueType = keyof typeof Intents;
export type IntentOf<V extends ValueType> = (typeof Intents)[V][number];

export interface EngineEventBase<V extends ValueType = ValueType> {
  readonly valueType: V;
  readonly intent: IntentOf<V>;
  /** The key of the record the event is about (element instance, job, task, timer, …). */
  readonly key: string;
  /** Root of the instance tree the event belongs to (absent for deployments and messages). */
  readonly rootKey?: string;
  /** Process instance the event belongs to. */
  readonly instanceKey?: string;
  readonly elementId?: string;
  /** Instant the event was written, ISO with offset. */
  readonly at: string;
  readonly value: Readonly<Record<string, JsonValue>>;
}

export type EngineEvent = { [V in ValueType]: EngineEventBase<V> }[ValueType];

/** An event read back from the history, with its position in the log. */
export type RecordedEvent = EngineEvent & { readonly position: string };
