/**
 * Every Excel API that src/hosts/excel calls, with the requirement set @types/office-js gives for it
 * (`[Api set: ExcelApi 1.x]`). The manifest asks for ExcelApi 1.1 only, so a call to anything newer must sit under a
 * feature check: `this.supports('1.x')` (or a variable holding it) in an if/?:/&& that encloses the call, or a test
 * of the annotation mode, which annotationMode() derives from 1.18 (note) and 1.10 (comment).
 *
 * The list is kept in docs/excel-api-usage.md; `UPDATE_API_LIST=1 npx jest tests/excel/apiSets.test.ts` rewrites it.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ExcelHost } from '../../src/hosts/excel';

const ROOT = path.join(__dirname, '..', '..');
const HOST_DIR = path.join(ROOT, 'src', 'hosts', 'excel');
const LIST = path.join(ROOT, 'docs', 'excel-api-usage.md');

type Version = [number, number];
const parseVersion = (v: string): Version => v.split('.').map(Number) as Version;
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1];
const show = (v: Version) => v.join('.');

function manifestMinimum(): Version {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml);
  if (!m) throw new Error('manifest.xml has no ExcelApi requirement');
  return parseVersion(m[1]);
}

interface Use {
  api: string;
  set: Version;
  file: string;
  line: number;
  guard?: Version;
}

/** The set a member needs; a property whose doc says "1.1 for reading …; 1.2 for setting it" needs 1.2 when assigned. */
function apiSetOf(decl: ts.Declaration, assigned: boolean): Version | undefined {
  const text = decl.getSourceFile().text.slice(decl.getFullStart(), decl.getStart());
  const m = /\[Api set: ExcelApi ([\d.]+)(?: for reading[^;\]]*; ([\d.]+) for setting)?/.exec(text);
  if (!m) return undefined;
  return parseVersion(assigned && m[2] ? m[2] : m[1]);
}

function isAssigned(n: ts.PropertyAccessExpression): boolean {
  const p = n.parent;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** The feature check a condition expresses, if any: supports('1.x'), a variable set from it, or an annotation mode. */
function guardOf(cond: ts.Expression, guardVars: Map<string, Version>): Version | undefined {
  let best: Version | undefined;
  const take = (v: Version) => {
    if (!best || cmp(v, best) > 0) best = v;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && /\.supports$/.test(n.expression.getText()) && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      take(parseVersion(n.arguments[0].text));
    }
    if (ts.isIdentifier(n) && guardVars.has(n.text)) take(guardVars.get(n.text)!);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken && /(^|\.)(mode|annotationMode|annotation)$/.test(n.left.getText())) {
      if (ts.isStringLiteral(n.right) && n.right.text === 'note') take([1, 18]);
      if (ts.isStringLiteral(n.right) && n.right.text === 'comment') take([1, 10]);
    }
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return best;
}

/** The strongest feature check among the conditions that enclose `node` on its true side. */
function enclosingGuard(node: ts.Node, guardVars: Map<string, Version>): Version | undefined {
  let best: Version | undefined;
  const take = (v: Version | undefined) => {
    if (v && (!best || cmp(v, best) > 0)) best = v;
  };
  for (let child: ts.Node = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child === p.thenStatement) take(guardOf(p.expression, guardVars));
    if (ts.isConditionalExpression(p) && child === p.whenTrue) take(guardOf(p.condition, guardVars));
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) take(guardOf(p.left, guardVars));
  }
  return best;
}

function collectUses(): Use[] {
  const files = fs.readdirSync(HOST_DIR).filter((f) => f.endsWith('.ts')).map((f) => path.join(HOST_DIR, f));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, strict: true, esModuleInterop: true, types: ['office-js', 'node'] });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    // Variables that hold a feature check: const canReadHidden = this.supports('1.9').
    const guardVars = new Map<string, Version>();
    const findVars = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        const g = guardOf(n.initializer, new Map());
        if (g && /\.supports\(/.test(n.initializer.getText())) guardVars.set(n.name.text, g);
      }
      ts.forEachChild(n, findVars);
    };
    findVars(sf);
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        const decl = symbol?.declarations?.find((d) => /@types[\\/]office-js[\\/]/.test(d.getSourceFile().fileName));
        if (decl) {
          const assigned = isAssigned(n);
          const set = apiSetOf(decl, assigned);
          // Members of the API classes (Range, Worksheet…); fields of plain data interfaces (RowProperties) are the
          // results of a call, not calls.
          const owner = decl.parent && ts.isClassDeclaration(decl.parent) && decl.parent.name ? decl.parent.name.text : undefined;
          if (set && owner) {
            const { line } = sf.getLineAndCharacterOfPosition(n.name.getStart());
            uses.push({ api: `${owner}.${n.name.text}${assigned ? ' (set)' : ''}`, set, file: path.relative(ROOT, file), line: line + 1, guard: enclosingGuard(n, guardVars) });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

function listMarkdown(uses: Use[]): string {
  const byApi = new Map<string, { set: Version; guards: Set<string> }>();
  for (const u of uses) {
    const e = byApi.get(u.api) ?? { set: u.set, guards: new Set<string>() };
    e.guards.add(u.guard ? `supports ${show(u.guard)}` : '—');
    byApi.set(u.api, e);
  }
  const rows = [...byApi].sort((a, b) => cmp(a[1].set, b[1].set) || a[0].localeCompare(b[0]));
  return [
    '# Excel APIs called by src/hosts/excel',
    '',
    'Generated by tests/excel/apiSets.test.ts from @types/office-js (`UPDATE_API_LIST=1` to refresh). The manifest',
    'requires ExcelApi 1.1; every API of a later set is called only under a feature check.',
    '',
    '| API | Requirement set | Feature check |',
    '|---|---|---|',
    ...rows.map(([api, e]) => `| ${api} | ExcelApi ${show(e.set)} | ${[...e.guards].sort().join(', ')} |`),
    '',
  ].join('\n');
}

describe('Excel APIs used and their requirement sets', () => {
  const uses = collectUses();
  const minimum = manifestMinimum();

  test('finds the APIs the host calls, each with its requirement set', () => {
    const apis = new Set(uses.map((u) => `${u.api}@${show(u.set)}`));
    expect(apis).toContain('Range.values@1.1');
    expect(apis).toContain('Worksheet.getRange@1.1');
    expect(apis).toContain('Range.getCellProperties@1.9');
    expect(apis).toContain('NoteCollection.getItemOrNullObject@1.18');
    expect(uses.length).toBeGreaterThan(30);
  });

  test(`nothing above the manifest's ExcelApi ${show(minimum)} is called without a feature check`, () => {
    const unguarded = uses
      .filter((u) => cmp(u.set, minimum) > 0 && (!u.guard || cmp(u.guard, u.set) < 0))
      .map((u) => `${u.file}:${u.line} ${u.api} needs ExcelApi ${show(u.set)}${u.guard ? ` (checked only for ${show(u.guard)})` : ''}`);
    expect(unguarded).toEqual([]);
  });

  test('annotationMode() gives note only with 1.18 and comment only with 1.10, as the guards above assume', () => {
    const mode = (max: string) => new ExcelHost({ run: (() => undefined) as never, isSetSupported: (_n, v) => cmp(parseVersion(v ?? '1.1'), parseVersion(max)) <= 0 }).annotationMode();
    expect(mode('1.17')).not.toBe('note');
    expect(mode('1.9')).toBe('none');
    expect(mode('1.10')).toBe('comment');
    expect(mode('1.18')).toBe('note');
  });

  test('docs/excel-api-usage.md lists them', () => {
    const text = listMarkdown(uses);
    if (process.env.UPDATE_API_LIST) fs.writeFileSync(LIST, text);
    expect(fs.existsSync(LIST) ? fs.readFileSync(LIST, 'utf8') : '(missing: run with UPDATE_API_LIST=1)').toBe(text);
  });
});
