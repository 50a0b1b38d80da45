import { promises as fs } from 'fs';
import * as path from 'path';
import { readXlsxBuffer, WorkbookReadError, XlsxBook } from './xlsxBytes';

export * from './xlsxBytes';

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
