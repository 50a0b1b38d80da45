/** Shared by the benchmarks: real 2025 支出功能分类 codes as trees, and a seeded generator, so runs repeat. */
import { getCatalog } from '../src/core/catalog/catalog';

export interface CodeNode {
  code: string;
  name: string;
  children: CodeNode[];
}

/** The 支出功能分类 of the built-in catalog as 类 → 款 → 项 trees, in code order. */
export function functionTree(): CodeNode[] {
  const roots: CodeNode[] = [];
  const byCode = new Map<string, CodeNode>();
  for (const e of getCatalog(2025).entries()) {
    if (e.kind !== 'function' || ![3, 5, 7].includes(e.code.length)) continue;
    const node: CodeNode = { code: e.code, name: e.name, children: [] };
    byCode.set(e.code, node);
    if (e.code.length === 3) roots.push(node);
    else byCode.get(e.code.slice(0, e.code.length - 2))?.children.push(node);
  }
  return roots;
}

/** Deterministic pseudo-random numbers in [0, 1), so every run builds the same workbook. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
