/* eslint-disable @typescript-eslint/no-require-imports */
// Reads ../shared/catalog-evidence/codes-in-official-documents.tsv: (code, name, year) pairs printed in official
// documents, and the errors its README lists inside single documents.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..', '..');
const EVIDENCE_TSV = [path.join(ROOT, '..', 'shared', 'catalog-evidence', 'codes-in-official-documents.tsv'), '/work/shared/catalog-evidence/codes-in-official-documents.tsv'].find((p) =>
  fs.existsSync(p),
);
const DOCUMENTS_TSV = path.join(ROOT, 'src', 'core', 'catalog', 'data', 'source', 'documents.tsv');

/**
 * Pairs the evidence README lists as errors of their own document ("Errors visible in the documents themselves"):
 * the 福利院 2024 单位预算 renumbered its 302 款 in sequence and misnamed 303 / 30301 / 30108; five narrative
 * wordings disagree with the same document's tables. code → names (normalized) that are document errors.
 */
const DOCUMENT_ERRORS = [
  { doc: 'fly-2024-dw', code: '30108', name: '机关事业单位基本养老保险费' },
  ...[
    ['30202', '咨询费'],
    ['30203', '水费'],
    ['30204', '电费'],
    ['30205', '邮电费'],
    ['30206', '办公设备购置费'],
    ['30207', '工会经费'],
    ['30208', '福利费'],
    ['30209', '物业管理费'],
    ['30210', '车辆运行费'],
    ['30211', '事业单位离退休人员福利费'],
    ['30212', '机关事业单位退休人员活动费'],
    ['30213', '其他商品和服务支出'],
    ['303', '离退休人员经费'],
    ['30301', '退休费'],
  ].map(([code, name]) => ({ doc: 'fly-2024-dw', code, name })),
  { doc: 'narrative', code: '210', name: '医疗卫生与计划生育支出' },
  { doc: 'narrative', code: '22102', name: '住房保障支出' },
  { doc: 'narrative', code: '2200199', name: '其他国土资源事务支出' },
  { doc: 'narrative', code: '2080599', name: '其它行政事业单位养老支出' },
];

function norm(name) {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

function readDocuments() {
  const out = [];
  for (const line of fs.readFileSync(DOCUMENTS_TSV, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, year, title, where] = line.split('\t');
    out.push({ id, year: Number(year), title, where });
  }
  return out;
}

/** Every pair of the evidence file, with the id of its example document and whether the README lists it as a document error. */
function readEvidence() {
  if (!EVIDENCE_TSV) return null;
  const docs = readDocuments();
  const lines = fs.readFileSync(EVIDENCE_TSV, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const head = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const f = Object.fromEntries(line.split('\t').map((v, i) => [head[i], v]));
    const doc = docs.find((d) => d.where === f.source);
    const error = DOCUMENT_ERRORS.some(
      (e) => e.code === f.code && norm(e.name) === norm(f.name) && (e.doc === 'narrative' ? f.printed_in === 'narrative' : e.doc === doc?.id),
    );
    return { code: f.code, name: f.name, year: Number(f.year), kind: f.kind, documents: Number(f.documents), doc: doc ? doc.id : null, printedIn: f.printed_in, documentError: error };
  });
}

module.exports = { readEvidence, readDocuments, DOCUMENT_ERRORS, norm, EVIDENCE_TSV };
