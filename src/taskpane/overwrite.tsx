import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { rangeToA1, toA1 } from '../core/grid/address';
import type { SpreadsheetHost } from '../hosts/host';
import { useT } from './i18n';

/** The non-empty cells a write would change: shown to the officer before anything is written. */
export interface Overwrite {
  sheet: string;
  /** The block that would be written, A1. */
  range: string;
  cells: { cell: string; text: string }[];
}

export type ConfirmOverwrite = (o: Overwrite) => Promise<boolean>;

/** Which non-empty cells writing `values` at (top, left) of `sheet` would change (a cell already equal is not). */
export async function cellsToOverwrite(
  host: SpreadsheetHost,
  sheet: string,
  top: number,
  left: number,
  values: readonly (readonly (string | number | null)[])[],
): Promise<Overwrite> {
  const rows = values.length;
  const cols = values.reduce((m, r) => Math.max(m, r.length), 0);
  const range = rows && cols ? rangeToA1({ top, left, bottom: top + rows - 1, right: left + cols - 1 }) : '';
  if (!range) return { sheet, range, cells: [] };
  const existing = await host.readCells(sheet, range);
  const cells: Overwrite['cells'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const text = String(existing[r]?.[c] ?? '');
      if (text.trim() === '') continue;
      const next = values[r][c];
      if (next !== null && next !== undefined && String(next) === text) continue;
      cells.push({ cell: toA1(top + r, left + c), text });
    }
  }
  return { sheet, range, cells };
}

/**
 * Write `values` at the selection, after asking when that would overwrite non-empty cells. Returns false when the
 * officer cancelled: then nothing was written.
 */
export async function insertAtSelectionGuarded(
  host: SpreadsheetHost,
  values: (string | number | null)[][],
  confirm: ConfirmOverwrite,
): Promise<boolean> {
  const sel = await host.getSelection();
  const o = await cellsToOverwrite(host, sel.sheet, sel.top, sel.left, values);
  if (o.cells.length && !(await confirm(o))) return false;
  await host.insertAtSelection(values);
  return true;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '40vh', overflowY: 'auto' },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

const SHOWN = 12;

/** `const { confirm, dialog } = useOverwriteConfirm()`: render `dialog`, await `confirm(o)` before writing. */
export function useOverwriteConfirm(): { confirm: ConfirmOverwrite; dialog: React.JSX.Element | null } {
  const styles = useStyles();
  const { t } = useT();
  const [pending, setPending] = React.useState<{ o: Overwrite; resolve: (ok: boolean) => void } | null>(null);
  const confirm = React.useCallback<ConfirmOverwrite>((o) => new Promise<boolean>((resolve) => setPending({ o, resolve })), []);
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('overwrite.title')}</DialogTitle>
          <DialogContent>
            {t('overwrite.body', { range: pending.o.range, count: pending.o.cells.length })}
            <ul className={styles.list}>
              {pending.o.cells.slice(0, SHOWN).map((c) => (
                <li key={c.cell}>
                  <span className={styles.cell}>{c.cell}</span>
                  {c.text}
                </li>
              ))}
              {pending.o.cells.length > SHOWN && <li>{t('overwrite.more', { count: pending.o.cells.length - SHOWN })}</li>}
            </ul>
          </DialogContent>
          <DialogActions>
            {/* Cancel first: the safe answer is the one a stray Enter gives. */}
            <Button appearance="primary" onClick={() => answer(false)}>
              {t('overwrite.cancel')}
            </Button>
            <Button onClick={() => answer(true)}>{t('overwrite.confirm')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ) : null;
  return { confirm, dialog };
}
