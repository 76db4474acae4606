import { checkExtensionAttributes } from './checks/checkExtensionAttributes.js';
import { xmlName } from './describe.js';
import { toExpression, toFeelSource } from './expressions.js';
import { extensionValues, type ModdleNode } from './ModdleNode.js';
import type { Owner } from './Owner.js';
import type { Report } from './problems.js';
import type { Expression } from './types.js';

/** Returns an error message when `source` is not valid FEEL, or null. */
export type FeelCheck = (source: string) => string | null;

/** What every transformer may use: problem reporting and the readers that check values as they go. */
export interface TransformContext {
  readonly report: Report;
  /** A Zeebe attribute (FEEL with `=`, else static); undefined when absent or blank. */
  expression(owner: Owner, raw: string | undefined, what: string): Expression | undefined;
  /** A value that is always FEEL (`=` optional); undefined when absent or blank. */
  feel(owner: Owner, raw: string | undefined, what: string): string | undefined;
  /** A value that must be static (variable names, codes); FEEL is reported and dropped. */
  staticValue(owner: Owner, raw: string | undefined, what: string): string | undefined;
  /** The extension element of that moddle type on `node`, marked as read so it is not rejected. */
  extension(owner: Owner, node: ModdleNode, type: string): ModdleNode | undefined;
  /** Whether a transformer read this extension element. */
  readonly wasRead: (extension: ModdleNode) => boolean;
  /** Whether moddle already reported `property` of element `elementId` as pointing nowhere. */
  readonly isUnresolved: (elementId: string, property: string) => boolean;
}

export interface TransformContextOptions {
  readonly report: Report;
  readonly checkFeel?: FeelCheck;
  readonly isUnresolved: (elementId: string, property: string) => boolean;
}

export function createTransformContext(options: TransformContextOptions): TransformContext {
  const { report } = options;
  const read = new WeakSet<ModdleNode>();

  function checkFeel(owner: Owner, source: string, what: string): void {
    if (!options.checkFeel) return;
    let message: string | null;
    try {
      message = options.checkFeel(source);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    if (message !== null) {
      report(owner.id, 'invalid-feel', `Expected a valid FEEL expression for the ${what} of ${owner.label}, but '${source}' is not: ${message}`);
    }
  }

  function emptyFeel(owner: Owner, what: string): undefined {
    report(owner.id, 'empty-expression', `Expected a FEEL expression after '=' for the ${what} of ${owner.label}, but it is empty`);
    return undefined;
  }

  const context: TransformContext = {
    report,
    expression(owner, raw, what) {
      if (raw === undefined || raw.trim() === '') return undefined;
      const expression = toExpression(raw);
      if (expression.kind === 'feel') {
        if (expression.source === '') return emptyFeel(owner, what);
        checkFeel(owner, expression.source, what);
      }
      return expression;
    },
    feel(owner, raw, what) {
      if (raw === undefined || raw.trim() === '') return undefined;
      const source = toFeelSource(raw);
      if (source === '') return emptyFeel(owner, what);
      checkFeel(owner, source, what);
      return source;
    },
    staticValue(owner, raw, what) {
      if (raw === undefined || raw.trim() === '') return undefined;
      const value = raw.trim();
      if (value.startsWith('=')) {
        report(owner.id, 'expected-static-value', `Expected a static value for the ${what} of ${owner.label}, but got the expression '${value}'`);
        return undefined;
      }
      return value;
    },
    extension(owner, node, type) {
      const matches = extensionValues(node).filter((value) => value.$type === type);
      for (const match of matches) read.add(match);
      if (matches.length > 1) {
        report(owner.id, 'duplicate-extension', `Expected at most one ${xmlName(type)} on ${owner.label}, but found ${matches.length}`);
      }
      const [first] = matches;
      if (first) checkExtensionAttributes(owner, first, report);
      return first;
    },
    wasRead: (extension) => read.has(extension),
    isUnresolved: options.isUnresolved,
  };
  return context;
}
