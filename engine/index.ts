/**
 * The engine's public face: a BPMN engine with no HTTP and no knowledge of
 * dossiers. Everything an application may use is listed here by name.
 */
export {
  Engine,
  EngineError,
  Intents,
  migrateEngine,
  sequentialIds,
  systemClock,
  timeOrderedIds,
  USER_TASK_JOB_TYPE,
  VirtualClock,
  type ActivatedJob,
  type Clock,
  type DeployedProcess,
  type EngineErrorCode,
  type EngineEvent,
  type EngineOptions,
  type EventListener,
  type IdGenerator,
  type InstanceView,
  type InTransaction,
  type JsonValue,
  type ProcessDefinition,
  type PublishedMessage,
  type PublishMessage,
  type RecordedEvent,
  type StartedInstance,
  type TreeState,
  type UserTaskChanges,
  type ValueType,
  type Variables,
} from './runtime/index.js';
export { JobWorker, Scheduler, type JobActions, type JobHandler, type JobWorkerOptions, type SchedulerOptions } from './scheduler/index.js';
export {
  EmbeddedBackend,
  type BackendCallOptions,
  type BackendInstance,
  type BackendListener,
  type BackendMessage,
  type BackendProcess,
  type WorkflowBackend,
} from './backend/index.js';
export { openDb, openPg, openPglite, migrate, loadMigrations, type Db, type Migration, type OpenDbOptions, type QueryResult } from './store/index.js';
export {
  createCalendar,
  vietnamCalendar,
  VIETNAM_CALENDAR_DATA,
  withChanges,
  validateCalendarData,
  toLocalIso,
  localDate,
  localInstant,
  type CalendarData,
  type TimeLimit,
  type WorkingCalendar,
} from './calendar/index.js';
export { createFeel, type Feel } from './feel/index.js';
export {
  simulate,
  ModelRejected,
  ScenarioError,
  type OpenItem,
  type Scenario,
  type ScenarioStep,
  type SimulationOptions,
  type Trace,
} from './simulation/Simulation.js';
export { parseBpmn } from './model/index.js';
export type { ExecutableProcess, ExecutableElement, ModelProblem, ParseResult } from './model/types.js';
export type { IncidentRecord, UserTaskRecord, UserTaskFilter, EventRecord, InstanceRecord } from './store/queries.js';
