#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Writes the provenance of each outline entry into the outlines: a line whose (code, name) an official document
// prints ends in "[doc-id, …]" (ids of src/core/catalog/data/source/documents.tsv); other lines carry no tag and are
// unverified. A "std" line is written out as its three 项 when one of them is confirmed. Ids already on a line that
// the evidence file does not know (the Ministry's notices) are kept.
// Run: node tests/catalog/tools/annotateEvidence.js, then node tests/catalog/tools/genCatalogData.js.
const fs = require('fs');
const path = require('path');
const { readEvidence, norm } = require('./evidence');
const { parseLine, STANDARD, otherName } = require('./genCatalogData');

const SRC = path.join(__dirname, '..', '..', '..', 'src', 'core', 'catalog', 'data', 'source');

function confirmations() {
  const evidence = readEvidence();
  if (!evidence) throw new Error('codes-in-official-documents.tsv not found');
  const byKey = new Map();
  for (const p of evidence) {
    if (p.documentError) continue;
    const key = `${p.code}|${norm(p.name)}`;
    const ids = byKey.get(key) ?? new Set();
    ids.add(p.doc);
    byKey.set(key, ids);
  }
  return byKey;
}

function tagOf(byKey, code, name, kept) {
  const ids = new Set(byKey.get(`${code}|${norm(name)}`) ?? []);
  for (const k of kept) if (k.startsWith('cy-')) ids.add(k);
  return ids.size ? ` [${[...ids].join(', ')}]` : '';
}

function annotateOutline(text, byKey) {
  const out = [];
  let kuan = null;
  for (const raw of text.split(/\n/)) {
    const p = parseLine(raw);
    if (!p) {
      out.push(raw);
      continue;
    }
    const at = p.from ? ` @${p.from}` : p.until ? ` @-${p.until}` : '';
    if (p.std) {
      const lines = STANDARD.map(([s, n]) => ({ s, n, tag: tagOf(byKey, kuan.code + s, n, []) }));
      if (lines.some((l) => l.tag)) for (const l of lines) out.push(`${l.s} ${l.n}${l.tag}${at}`);
      else out.push(raw);
      continue;
    }
    let code = p.digits;
    let name = p.name;
    if (p.digits.length === 5) kuan = { code: p.digits, name: p.name };
    if (p.digits.length === 2) {
      code = kuan.code + p.digits;
      if (!name) name = p.digits === '50' ? '事业运行' : otherName(kuan.name);
    }
    out.push(`${p.digits}${p.name ? ' ' + p.name : ''}${tagOf(byKey, code, name, p.seen)}${at}`);
  }
  return out.join('\n');
}

function annotateEconomic(text, byKey) {
  return text
    .split(/\n/)
    .map((raw) => {
      const m = /^(\d{3}|\d{5})\s+([^=[]+?)(?:\s*\[([^\]]*)\])?(\s*=>.*)?$/.exec(raw.trim());
      if (!m || raw.trim().startsWith('#')) return raw;
      const kept = m[3] ? m[3].split(',').map((s) => s.trim()) : [];
      return `${m[1]} ${m[2]}${tagOf(byKey, m[1], m[2], kept)}${m[4] ? ' ' + m[4].trim() : ''}`;
    })
    .join('\n');
}

if (require.main === module) {
  const byKey = confirmations();
  for (const file of ['function.outline.txt', 'income.outline.txt']) {
    const p = path.join(SRC, file);
    fs.writeFileSync(p, annotateOutline(fs.readFileSync(p, 'utf8'), byKey));
  }
  const e = path.join(SRC, 'economic.outline.txt');
  fs.writeFileSync(e, annotateEconomic(fs.readFileSync(e, 'utf8'), byKey));
}

module.exports = { annotateOutline, annotateEconomic, confirmations };
