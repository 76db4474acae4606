import { FeelDate, FeelDateTime, FeelDuration, FeelFunction, FeelRange, FeelTime } from 'feelin';
import { formatFeelDateTime, formatFeelTime } from './temporalValues.js';
import { toJson } from './toJson.js';

const MAX_SHOWN = 60;

/** A value as the end of a sentence: "the string 'yes'", "the number 3", "null". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `the string '${shorten(value)}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `the ${typeof value} ${String(value)}`;
  }
  if (typeof value === 'function' || value instanceof FeelFunction) {
    return 'a function';
  }
  if (Array.isArray(value)) {
    return `the list ${shorten(JSON.stringify(toJson(value, 0)))}`;
  }
  if (value instanceof FeelDateTime) {
    return `the date and time '${formatFeelDateTime(value)}'`;
  }
  if (value instanceof FeelDate) {
    return `the date '${value.toString()}'`;
  }
  if (value instanceof FeelTime) {
    return `the time '${formatFeelTime(value)}'`;
  }
  if (value instanceof FeelDuration) {
    return `the duration '${value.toString()}'`;
  }
  if (value instanceof FeelRange) {
    return `the range ${value.toString()}`;
  }
  if (value instanceof Date) {
    return `the instant '${value.toISOString()}'`;
  }
  return `the context ${shorten(JSON.stringify(toJson(value, 0)))}`;
}

function shorten(text: string): string {
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN - 1)}…`;
}
