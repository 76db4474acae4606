/**
 * Syntax problems as sentences. feelin only reports them by throwing from
 * `evaluate`, which would also run the expression; deploy-time checks must not
 * run anything, so the parse tree is inspected directly, the way feelin's own
 * linting does.
 */

import { parseExpression } from 'feelin';
import type { SourcePosition } from './types.js';

/** The FEEL dialect Zeebe speaks: it adds backtick-quoted names (`` `name with spaces` ``). */
export const FEEL_DIALECT = 'camunda';

type ParseTree = ReturnType<typeof parseExpression>;
type ParseNode = ParseTree['topNode'];

export interface SyntaxProblem {
  /** The second half of a sentence starting "Expected … to be a valid FEEL expression, but". */
  readonly description: string;
  readonly position: SourcePosition;
}

/** The first syntax problem of `source`, or `null` when it parses. `names` are the multi-word names in scope. */
export function findSyntaxProblem(source: string, names: Readonly<Record<string, unknown>>): SyntaxProblem | null {
  if (source.trim() === '') {
    return { description: 'it is empty', position: { from: 0, to: source.length } };
  }
  const tree = parseExpression(source, { ...names }, FEEL_DIALECT);
  let problem: SyntaxProblem | null = null;
  tree.iterate({
    enter(ref) {
      if (problem !== null) {
        return false;
      }
      if (ref.type.isError) {
        problem = describeErrorNode(source, ref.node);
        return false;
      }
      return undefined;
    },
  });
  return problem;
}

function describeErrorNode(source: string, node: ParseNode): SyntaxProblem {
  const parent = node.parent;
  const inside = parent ? ` in the ${humanize(parent.name)}` : '';
  if (node.from !== node.to) {
    const position = { from: node.from, to: node.to };
    return { description: `found unexpected '${source.slice(node.from, node.to)}' ${locate(source, position)}${inside}`, position };
  }
  const next = nextNode(node);
  if (next) {
    const position = { from: next.from, to: next.to };
    const text = source.slice(next.from, next.to) || next.name;
    return { description: `found unexpected '${text}' ${locate(source, position)}${inside}`, position };
  }
  const unfinished = parent?.enterUnfinishedNodesBefore(node.to) ?? parent;
  const position = { from: node.from, to: node.to };
  const what = unfinished ? humanize(unfinished.name) : 'expression';
  return { description: `the ${what} is incomplete ${locate(source, position)}`, position };
}

function nextNode(node: ParseNode): ParseNode | null {
  for (let current: ParseNode | null = node; current; current = current.parent) {
    if (current.nextSibling) {
      return current.nextSibling;
    }
  }
  return null;
}

function locate(source: string, position: SourcePosition): string {
  if (position.from >= source.trimEnd().length) {
    return `at the end (column ${position.from + 1})`;
  }
  const before = source.slice(0, position.from).split('\n');
  const column = before[before.length - 1].length + 1;
  return before.length > 1 ? `at line ${before.length}, column ${column}` : `at column ${column}`;
}

const NODE_NAMES: Readonly<Record<string, string>> = {
  Disjunction: "'or' expression",
  Conjunction: "'and' expression",
  FunctionInvocation: 'function call',
  PathExpression: 'path expression',
  FilterExpression: 'filter expression',
  Context: 'context',
  ContextEntry: 'context entry',
  List: 'list',
};

/** `ArithmeticExpression` → `arithmetic expression`. */
function humanize(nodeName: string): string {
  return NODE_NAMES[nodeName] ?? nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
