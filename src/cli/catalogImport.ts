import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from './io';
import { EXIT } from './io';
import { readXlsxFile, WorkbookReadError } from '../hosts/file/readXlsx';
import { CatalogImport, CatalogLibrary, catalogLibrary, prepareCatalogImport } from '../core/catalog';

/** The user's data folder: JIAOHE_DATA_DIR, else %APPDATA%/jiaohe, $XDG_DATA_HOME/jiaohe or ~/.local/share/jiaohe. */
export function userDataDir(env: Record<string, string | undefined>): string {
  if (env.JIAOHE_DATA_DIR) return env.JIAOHE_DATA_DIR;
  if (env.APPDATA) return path.join(env.APPDATA, 'jiaohe');
  if (env.XDG_DATA_HOME) return path.join(env.XDG_DATA_HOME, 'jiaohe');
  return path.join(env.HOME || env.USERPROFILE || os.homedir(), '.local', 'share', 'jiaohe');
}

function catalogDir(env: Record<string, string | undefined>): string {
  return path.join(userDataDir(env), 'catalog');
}

/** Imports saved on this machine; unreadable files are skipped with a note on stderr. */
export async function readSavedImports(io: CliIO): Promise<CatalogImport[]> {
  const dir = catalogDir(io.env);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: CatalogImport[] = [];
  for (const n of names.filter((x) => /^\d{4}\.json$/.test(x)).sort()) {
    try {
      const imp = JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as CatalogImport;
      if (typeof imp.year === 'number' && Array.isArray(imp.entries)) out.push(imp);
    } catch {
      io.stderr(`已导入的科目表 ${path.join(dir, n)} 无法读取，已忽略。\n`);
    }
  }
  return out;
}

/** Registers the machine's imports on the default library, so `codes` and `check` use them. */
export async function loadUserCatalogs(io: CliIO): Promise<CatalogLibrary> {
  const lib = catalogLibrary();
  for (const imp of await readSavedImports(io)) lib.addImport(imp);
  return lib;
}

export function parseYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 2000 && y <= 2100 ? y : null;
}

export const CATALOG_USAGE = '用法：jiaohe catalog import FILE.xlsx --year YYYY [--replace]\n';

/**
 * `jiaohe catalog import FILE.xlsx --year YYYY [--replace]`: reads the Ministry's 科目 spreadsheet and
 * saves it for that year. Default: extends the built-in catalog (adds codes, takes the file's names);
 * --replace: the file's classifications replace the built-in ones. A file with any bad row imports
 * nothing. Exit 0 imported, 1 the file has bad rows, 2 usage or unreadable file.
 */
export async function runCatalogImport(args: string[], io: CliIO): Promise<number> {
  let file: string | undefined;
  let yearText: string | undefined;
  let replace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--year') yearText = args[++i];
    else if (a.startsWith('--year=')) yearText = a.slice(7);
    else if (a === '--replace') replace = true;
    else if (a === '--extend') replace = false;
    else if (a.startsWith('-')) {
      io.stderr(`未知选项：${a}\n${CATALOG_USAGE}`);
      return EXIT.failed;
    } else if (!file) file = a;
    else {
      io.stderr(`只能导入一个文件：${a}\n${CATALOG_USAGE}`);
      return EXIT.failed;
    }
  }
  if (!file) {
    io.stderr(`缺少要导入的文件。\n${CATALOG_USAGE}`);
    return EXIT.failed;
  }
  const year = parseYear(yearText);
  if (!year) {
    io.stderr(`${yearText === undefined ? '缺少 --year' : `年度“${yearText}”无效`}：请用四位数年份，如 --year 2025。\n${CATALOG_USAGE}`);
    return EXIT.failed;
  }
  const full = path.resolve(io.cwd, file);
  let sheets;
  try {
    sheets = (await readXlsxFile(full)).sheets;
  } catch (err) {
    io.stderr(err instanceof WorkbookReadError ? `${err.message}\n` : `${path.basename(full)}：无法读取（${(err as Error).message}）。\n`);
    return EXIT.failed;
  }
  const lib = await loadUserCatalogs(io);
  const prepared = prepareCatalogImport(sheets, lib, year, replace, path.basename(full));
  if (!prepared.ok) {
    for (const e of prepared.errors) io.stderr(`${e.sheet} ${e.cell ?? ''} ${e.message}\n`.replace(/ {2,}/g, ' '));
    io.stderr(`${path.basename(full)}：发现 ${prepared.errors.length} 处问题，未导入任何科目。\n`);
    return EXIT.findings;
  }
  const { imp, added, renamed } = prepared;
  const dir = catalogDir(io.env);
  const target = path.join(dir, `${year}.json`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(target, JSON.stringify(imp, null, 1));
  } catch (err) {
    io.stderr(`无法保存到 ${target}：${(err as Error).message}\n`);
    return EXIT.failed;
  }
  lib.addImport(imp);
  io.stdout(
    `已导入 ${year} 年科目表：${imp.entries.length} 个科目（新增 ${added}，名称更新 ${renamed}），` +
      `方式：${replace ? '替换' : '扩展'}内置科目表。\n保存于 ${target}\n`,
  );
  return EXIT.clean;
}
