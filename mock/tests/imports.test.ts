// The mock's imports run one way (STYLE.md: small modules with one-way imports): no module of mock/
// imports itself back through others (type-only imports count too), http/ -> rules/ and
// faults/ -> rules/ but never back, and the mock imports nothing from the suite.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const MOCK = path.resolve(__dirname, '..');
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function modulesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return modulesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The files a module imports by relative path, resolved; package imports (node:, npm) are left out. */
function relativeImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const base = path.resolve(path.dirname(file), specifier);
      return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => existsSync(candidate)) ?? base;
    });
}

const GRAPH = new Map(modulesUnder(MOCK).map((file) => [file, relativeImportsOf(file)]));
const shown = (file: string): string => path.relative(MOCK, file);

/** Every cycle found by a depth-first walk, each as the chain of modules that closes it. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    const back = chain.indexOf(file);
    if (back !== -1) {
      cycles.push([...chain.slice(back), file]);
      return;
    }
    if (done.has(file)) return;
    for (const imported of graph.get(file) ?? []) visit(imported, [...chain, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

test('the walk sees the imports of mock/ (positive control: the server imports its routes)', () => {
  expect(GRAPH.get(path.join(MOCK, 'http/server.ts')), 'the import walk reads http/server.ts').toContain(
    path.join(MOCK, 'http/routes.ts'),
  );
  expect(
    cyclesOf(
      new Map([
        ['a', ['b']],
        ['b', ['a']],
      ]),
    ),
    'the walk finds a two-module cycle',
  ).toEqual([['a', 'b', 'a']]);
});

test('no module of mock/ imports itself back, type-only imports included', () => {
  const cycles = cyclesOf(GRAPH).map((cycle) => cycle.map(shown).join(' -> '));
  expect(cycles, 'import cycles in mock/').toEqual([]);
});

test('imports run one way: rules/ imports neither http/ nor faults/, faults/ does not import http/', () => {
  const forbidden: Record<string, readonly string[]> = { rules: ['http', 'faults'], faults: ['http'] };
  const wrongWay = [...GRAPH].flatMap(([file, imports]) => {
    const folder = shown(file).split(path.sep)[0] ?? '';
    return imports
      .filter((imported) => (forbidden[folder] ?? []).includes(shown(imported).split(path.sep)[0] ?? ''))
      .map((imported) => `${shown(file)} -> ${shown(imported)}`);
  });
  expect(wrongWay, 'imports against the layering of mock/').toEqual([]);
});

test('the mock stands alone: no module outside mock/tests imports anything outside mock/', () => {
  const outside = [...GRAPH]
    .filter(([file]) => !shown(file).startsWith(`tests${path.sep}`))
    .flatMap(([file, imports]) =>
      imports.filter((imported) => shown(imported).startsWith('..')).map((imported) => `${shown(file)} -> ${imported}`),
    );
  expect(outside, 'imports from the suite (specs/, properties/) or elsewhere').toEqual([]);
});
