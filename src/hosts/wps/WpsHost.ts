import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/types';
import type { SheetPlan } from '../../core/plan';
import type { HostKind, ReadProgress, SelectionInfo, SpreadsheetHost } from '../host';

export interface WpsHostOptions {
  /** The ET Application object; defaults to `window.Application`. */
  application?: unknown;
}

const NOT_READY = 'WPS 适配器正在开发中。';

/** Interim skeleton so host detection can import it; replaced by the full adapter. */
export class WpsHost implements SpreadsheetHost {
  readonly kind: HostKind = 'wps';
  constructor(readonly options: WpsHostOptions = {}) {}
  async readActiveSheet(_onProgress?: ReadProgress): Promise<Grid> {
    throw new Error(NOT_READY);
  }
  async markFindings(_findings: Finding[]): Promise<number> {
    throw new Error(NOT_READY);
  }
  async clearMarks(): Promise<number> {
    throw new Error(NOT_READY);
  }
  async selectCell(_sheet: string, _address: string): Promise<void> {
    throw new Error(NOT_READY);
  }
  async getSelection(): Promise<SelectionInfo> {
    throw new Error(NOT_READY);
  }
  async insertAtSelection(_values: (string | number | null)[][]): Promise<void> {
    throw new Error(NOT_READY);
  }
  async writeCells(_sheet: string, _topLeft: string, _values: (string | number | null)[][]): Promise<void> {
    throw new Error(NOT_READY);
  }
  async addSheet(_plan: SheetPlan): Promise<string> {
    throw new Error(NOT_READY);
  }
}
