import { promises as fs } from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { useNativeZip } from './xlsxParts';
import { readXlsxBuffer, WorkbookReadError, XlsxBook } from './xlsxBytes';

export * from './xlsxBytes';

// Node inflates and checks CRCs natively: several times faster than JSZip's JavaScript on a large sheet.
const nodeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
useNativeZip({ inflateRaw: (b) => zlib.inflateRawSync(b), ...(nodeCrc32 ? { crc32: (b: Uint8Array) => nodeCrc32(b) } : {}) });

export async function readXlsxFile(file: string): Promise<XlsxBook> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是文件夹而不是文件' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new WorkbookReadError('not-found', `${path.basename(file)}：${reason}。`);
  }
  return readXlsxBuffer(buf, file);
}
