/**
 * The header band as a tree: a merged group header (财政拨款(补助) over F:K, 支出预算 over E:G) is the
 * parent of the cells under it; a cell merged down over two rows (总计 E3:E4) is one leaf.
 */
import type { Grid } from '../grid';
import { squash } from './text';

export interface HeaderNode {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  parent?: HeaderNode;
  children: HeaderNode[];
}

export interface HeaderModel {
  roots: HeaderNode[];
  /** The deepest header node over each column (undefined when the column has no header text). */
  leafOf: Map<number, HeaderNode>;
}

export function buildHeader(grid: Grid, top: number, bottom: number, left: number, right: number): HeaderModel {
  const roots: HeaderNode[] = [];
  const leafOf = new Map<number, HeaderNode>();
  if (bottom < top) return { roots, leafOf };
  // deepest[c]: the deepest node created so far over column c.
  const deepest: (HeaderNode | undefined)[] = new Array(right - left + 1);
  for (let h = top; h <= bottom; h++) {
    let c = left;
    let lastNode: HeaderNode | undefined;
    while (c <= right) {
      const m = grid.mergeAt(h, c);
      if (m && m.top < h) {
        c = Math.max(c, Math.min(m.right, right)) + 1;
        lastNode = undefined;
        continue;
      }
      const text = grid.text(h, c);
      if (text === '') {
        // A group written once over blank cells (no merge) still covers the columns whose lower rows have text.
        if (lastNode && h < bottom && lastNode.bottom === h && grid.text(h + 1, c) !== '' && grid.text(h + 1, lastNode.left) !== '') {
          lastNode.right = c;
          deepest[c - left] = lastNode;
        }
        c++;
        continue;
      }
      const r = m ? Math.min(m.right, right) : c;
      const b = m ? Math.min(m.bottom, bottom) : h;
      // Unmerged repeated text in one row ("收入" "收入") is one group.
      if (lastNode && lastNode.top === h && squash(lastNode.text) === squash(text) && lastNode.right === c - 1) {
        lastNode.right = r;
        for (let k = c; k <= r; k++) deepest[k - left] = lastNode;
        c = r + 1;
        continue;
      }
      const parent = deepest[c - left];
      const node: HeaderNode = { text, top: h, bottom: b, left: c, right: r, children: [] };
      // A text equal to its parent's (a merge lost and re-typed) does not add a level.
      if (parent && squash(parent.text) === squash(text) && parent.left <= c && parent.right >= r) {
        parent.bottom = Math.max(parent.bottom, b);
        c = r + 1;
        lastNode = undefined;
        continue;
      }
      if (parent && parent.bottom < h) {
        node.parent = parent;
        parent.children.push(node);
      } else {
        roots.push(node);
      }
      for (let k = c; k <= r; k++) deepest[k - left] = node;
      lastNode = node;
      c = r + 1;
    }
  }
  for (let c = left; c <= right; c++) {
    const n = deepest[c - left];
    if (n) leafOf.set(c, n);
  }
  return { roots, leafOf };
}

/** Header texts over a column from the top down. */
export function headerPath(model: HeaderModel, col: number): string[] {
  const out: string[] = [];
  for (let n = model.leafOf.get(col); n; n = n.parent) out.unshift(n.text);
  return out;
}

/** Nodes under the same parent (or the top-level nodes), excluding the node itself. */
export function siblingsOf(model: HeaderModel, node: HeaderNode): HeaderNode[] {
  const pool = node.parent ? node.parent.children : model.roots;
  return pool.filter((n) => n !== node);
}

/** Leaf columns of a node. */
export function columnsOf(node: HeaderNode): number[] {
  const out: number[] = [];
  for (let c = node.left; c <= node.right; c++) out.push(c);
  return out;
}
