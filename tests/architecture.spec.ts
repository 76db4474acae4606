import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

interface Import {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** Repository path for a relative import (`engine/store/Db.js`), the specifier otherwise. */
  readonly target: string;
}

interface SourceFile {
  readonly path: string;
  readonly ast: ts.SourceFile;
}

describe('architecture (import directions and module surface)', function () {
  const engine = sourceFiles('engine');
  const engineImports = engine.flatMap(importsOf);

  it('should find the engine sources it checks', function () {
    expect(engine.map((file) => file.path)).to.include('engine/store/Db.ts');
  });

  it('should NOT import api/, designer/, processes/ or forms/ from engine/', function () {
    const offending = engineImports.filter((imp) => within(imp.target, 'api', 'designer', 'processes', 'forms'));

    expect(offending.map(describeImport)).to.deep.equal([]);
  });

  it('should NOT import the runtime, model, FEEL or scheduler from engine/store/', function () {
    const offending = engineImports.filter(
      (imp) =>
        within(imp.file, 'engine/store') &&
        within(imp.target, 'engine/runtime', 'engine/model', 'engine/feel', 'engine/scheduler'),
    );

    expect(offending.map(describeImport)).to.deep.equal([]);
  });

  it('should NOT import any other part of engine/ from engine/calendar/', function () {
    const offending = engineImports.filter(
      (imp) => within(imp.file, 'engine/calendar') && within(imp.target, 'engine') && !within(imp.target, 'engine/calendar'),
    );

    expect(offending.map(describeImport)).to.deep.equal([]);
  });

  it('should NOT use `export *` anywhere in engine/', function () {
    const offending = engine.flatMap((file) =>
      topLevel(file)
        .filter((node) => ts.isExportDeclaration(node) && (!node.exportClause || ts.isNamespaceExport(node.exportClause)))
        .map((node) => describeNode(file, node)),
    );

    expect(offending).to.deep.equal([]);
  });

  it('should NOT have default exports in engine/', function () {
    const offending = engine.flatMap((file) =>
      topLevel(file)
        .filter(isDefaultExport)
        .map((node) => describeNode(file, node)),
    );

    expect(offending).to.deep.equal([]);
  });
});

function sourceFiles(folder: string): SourceFile[] {
  const entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => toRepoPath(join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').includes('node_modules'))
    .sort()
    .map((path) => ({
      path,
      ast: ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true),
    }));
}

function importsOf(file: SourceFile): Import[] {
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = moduleSpecifierOf(node);
    if (specifier !== undefined) {
      found.push({
        file: file.path,
        line: lineOf(file, node),
        specifier,
        target: specifier.startsWith('.') ? posix.join(posix.dirname(file.path), specifier) : specifier,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return found;
}

/** Static imports and re-exports, `import x = require()`, `import()`, `require()` and `import('…')` types. */
function moduleSpecifierOf(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
    return textOf(node.moduleSpecifier);
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return textOf(node.moduleReference.expression);
  }
  if (ts.isCallExpression(node)) {
    const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    if ((isImport || isRequire) && node.arguments.length > 0) return textOf(node.arguments[0]);
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return textOf(node.argument.literal);
  return undefined;
}

function textOf(node: ts.Node): string | undefined {
  return ts.isStringLiteralLike(node) ? node.text : undefined;
}

function isDefaultExport(node: ts.Statement): boolean {
  if (ts.isExportAssignment(node)) return true;
  if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
    return node.exportClause.elements.some((element) => element.name.text === 'default');
  }
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  return modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
}

function topLevel(file: SourceFile): ts.Statement[] {
  return [...file.ast.statements];
}

function within(path: string, ...folders: string[]): boolean {
  return folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

function lineOf(file: SourceFile, node: ts.Node): number {
  return file.ast.getLineAndCharacterOfPosition(node.getStart()).line + 1;
}

function describeImport(imp: Import): string {
  return `${imp.file}:${imp.line} imports '${imp.specifier}'`;
}

function describeNode(file: SourceFile, node: ts.Node): string {
  return `${file.path}:${lineOf(file, node)} ${node.getText().split('\n')[0]}`;
}

function toRepoPath(path: string): string {
  return relative(root, path).split(sep).join('/');
}
