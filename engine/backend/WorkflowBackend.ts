import type { Db } from '../store/Db.js';
import type { EngineEvent } from '../runtime/events.js';
import type { Variables } from '../runtime/state.js';

/**
 * What the application needs from a workflow engine, and nothing more, so the
 * embedded engine and a Camunda 8 cluster can stand behind the same calls.
 * Records follow Zeebe's value types and intents, so events exported by a
 * Zeebe cluster map onto them one to one.
 */
export interface WorkflowBackend {
  readonly name: 'embedded' | 'camunda8';
  /**
   * Whether listeners run inside the command's database transaction. True for
   * the embedded engine; a remote engine delivers events after the fact, so the
   * application must then apply them idempotently.
   */
  readonly transactionalEvents: boolean;
  deploy(resources: readonly { name: string; xml: string }[]): Promise<readonly BackendProcess[]>;
  startInstance(processId: string, variables?: Variables, options?: BackendCallOptions): Promise<BackendInstance>;
  completeTask(taskKey: string, variables?: Variables, options?: BackendCallOptions): Promise<void>;
  publishMessage(message: BackendMessage, options?: BackendCallOptions): Promise<{ readonly messageKey: string }>;
  cancelInstance(instanceKey: string, options?: BackendCallOptions): Promise<void>;
  /** Listen to every record; returns a function that stops listening. */
  subscribe(listener: BackendListener): () => void;
}

export interface BackendCallOptions {
  /** The application's open transaction, honoured when `transactionalEvents` is true. */
  readonly tx?: Db;
}

export interface BackendProcess {
  readonly key: string;
  readonly processId: string;
  readonly version: number;
}

export interface BackendInstance {
  readonly instanceKey: string;
  readonly processKey: string;
  readonly processId: string;
  readonly version: number;
}

export interface BackendMessage {
  readonly name: string;
  readonly correlationKey: string;
  readonly variables?: Variables;
  readonly timeToLiveMs?: number;
  readonly messageId?: string;
}

export type BackendListener = (events: readonly EngineEvent[], tx?: Db) => Promise<void> | void;
