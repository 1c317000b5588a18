/**
 * The layout's promises, checked on the code itself (issue: "one house"): imports run one way and
 * there is no import cycle anywhere. A reader can trust the README's layout because this fails when
 * a file breaks it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const ROOTS = ['mock', 'schemas', 'specs', 'properties', 'scripts', 'playwright.config.ts'];

/** Who may not import whom: [importer folder, imported folder, why]. */
const FORBIDDEN: readonly [string, string, string][] = [
  ['mock/', 'specs/', 'the mock stands alone: it is the thing under test'],
  ['mock/', 'properties/', 'the mock stands alone: it is the thing under test'],
  ['mock/', 'scripts/', 'the mock stands alone: it is the thing under test'],
  ['properties/', 'mock/', 'the model is written independently of the mock'],
  ['specs/', 'mock/', 'the suite tests any server; only unit tests may start the mock'],
  ['schemas/', 'specs/', 'schemas are the leaf every layer reads'],
  ['specs/request-path/', 'specs/support/', 'the request path is below what a spec reads'],
  ['specs/support/', 'properties/', 'properties build on the support, not the reverse'],
  ['specs/request-path/', 'scripts/reporters/', 'reporters read test results, never the reverse'],
  ['specs/support/', 'scripts/reporters/', 'reporters read test results, never the reverse'],
];

function sourceFiles(entry: string): string[] {
  const full = path.join(REPOSITORY, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.includes('node_modules'))
    .map((name) => path.join(entry, name));
}

/** The repository files a file imports (relative specifiers only), resolved as TypeScript does. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPOSITORY, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)];
  return specifiers.flatMap(([, specifier]) => {
    const base = path.join(path.dirname(file), specifier as string);
    const found = [base, `${base}.ts`, path.join(base, 'index.ts')].find((candidate) => {
      try {
        return statSync(path.join(REPOSITORY, candidate)).isFile();
      } catch {
        return false;
      }
    });
    return found && found.endsWith('.ts') ? [found] : [];
  });
}

const files = ROOTS.flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

test('imports run one way: no layer imports a layer it sits above', () => {
  const broken = [...graph].flatMap(([file, imported]) =>
    imported.flatMap((target) =>
      FORBIDDEN.filter(([from, to]) => file.startsWith(from) && target.startsWith(to) && !file.includes('/tests/')).map(
        ([, , why]) => `${file} imports ${target}: ${why}`,
      ),
    ),
  );
  expect(broken, 'imports against the layout of the README').toEqual([]);
});

test('there is no import cycle in the repository', () => {
  // Tarjan's strongly connected components: any component of more than one file is a cycle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, index);
    low.set(file, index);
    index += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  expect(files.length, 'the check reads the repository').toBeGreaterThan(100);
  expect(
    cycles.map((cycle) => cycle.join(' <-> ')),
    'import cycles',
  ).toEqual([]);
});
