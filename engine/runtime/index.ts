export {
  Engine,
  migrateEngine,
  type ActivatedJob,
  type DeployedProcess,
  type EngineOptions,
  type EventListener,
  type InstanceView,
  type InTransaction,
  type PublishedMessage,
  type PublishMessage,
  type StartedInstance,
} from './Engine.js';
export { EngineError, type EngineErrorCode } from './EngineError.js';
export { Intents, type EngineEvent, type IntentOf, type RecordedEvent, type ValueType } from './events.js';
export { sequentialIds, systemClock, timeOrderedIds, VirtualClock } from './clock.js';
export type { Clock, IdGenerator, ProcessDefinition } from './ports.js';
export type { JsonValue, TreeState, Variables } from './state.js';
export { USER_TASK_JOB_TYPE, type UserTaskChanges } from './userTasks.js';
