// What processes/README.md ("How a process talks to the one-stop desk") fixes for a model,
// read from the README itself so that the step templates are checked against the text.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReadmeConventions {
  /** `stepKind` header values. */
  readonly stepKinds: string[];
  /** `candidateGroups` values. */
  readonly roles: string[];
  /** The default `agency` header value. */
  readonly defaultAgency: string;
  /** Outcome values a step kind offers without an `outcomes` header. */
  readonly defaultOutcomes: Record<string, string[]>;
  /** The `timeShare` examples. */
  readonly timeShareExamples: string[];
  readonly supplementMessage: string;
  readonly supplementCorrelationKey: string;
}

const root = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));

export function readmeConventions(path = join(root, 'processes', 'README.md')): ReadmeConventions {
  const text = readFileSync(path, 'utf8').replace(/\s+/g, ' ');
  return {
    stepKinds: codes(sentence(text, '`stepKind`:')),
    roles: codes(sentence(text, 'names the role that works the step:')),
    defaultAgency: match(text, /`([a-z-]+)` \(default\)/),
    defaultOutcomes: Object.fromEntries(
      [...sentence(text, "the step kind's defaults apply").matchAll(/([a-z]+): `([a-z|]+)`/g)].map((m) => [m[1], m[2].split('|')]),
    ),
    timeShareExamples: codes(sentence(text, '`timeShare`:')).filter((code) => /^\d/.test(code)),
    supplementMessage: match(text, /message `([^`]+)` with correlation key/),
    supplementCorrelationKey: match(text, /with correlation key `([^`]+)`/),
  };
}

/** The text from `start` to the end of its sentence (a full stop followed by a space and a capital, or a list item). */
function sentence(text: string, start: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`Expected processes/README.md to contain '${start}', but it does not`);
  const rest = text.slice(from + start.length);
  const end = rest.search(/\.\s+(?=[A-Z`(])|\s-\s/);
  return end < 0 ? rest : rest.slice(0, end);
}

function codes(fragment: string): string[] {
  return [...fragment.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

function match(text: string, pattern: RegExp): string {
  const found = pattern.exec(text);
  if (!found) throw new Error(`Expected processes/README.md to match ${pattern}, but it does not`);
  return found[1];
}
