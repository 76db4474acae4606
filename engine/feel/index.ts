export { createFeel } from './createFeel.js';
export type {
  ExpectedType,
  ExpectedValues,
  Feel,
  FeelFailure,
  FeelOptions,
  FeelResult,
  FeelSuccess,
  FeelTypeFailure,
  FeelWarning,
  JsonValue,
  SourcePosition,
  TypedFeelResult,
} from './types.js';
export { addDuration, parseIsoDuration, parseTimeCycle, parseTimeDate } from './timers.js';
export type { IsoDuration, ParseResult, TimeCycle } from './timers.js';
