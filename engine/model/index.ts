export { parseBpmn, type ParseOptions } from './parseBpmn.js';
export type { ProblemCode } from './problems.js';
export type { FeelCheck } from './TransformContext.js';
export type {
  CallActivityDefinition,
  ElementKind,
  ErrorDefinition,
  EventDefinition,
  ExecutableElement,
  ExecutableFlow,
  ExecutableProcess,
  Expression,
  JobDefinition,
  Mapping,
  MessageDefinition,
  ModelProblem,
  MultiInstanceDefinition,
  ParseResult,
  ScriptDefinition,
  TimerDefinition,
  UserTaskDefinition,
} from './types.js';
