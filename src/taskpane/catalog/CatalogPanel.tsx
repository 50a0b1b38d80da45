import * as React from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { SpreadsheetHost } from '../../hosts/host';
import type { CheckSettings } from '../../core/types';
import { BUILTIN_YEARS, buildInsertValues, InsertMode, prepareSearch, SearchHit, searchCatalog } from '../../core/catalog';
import { CATALOG_STRINGS, fill } from './strings';
import { ensureBrowserImportsLoaded, removeBrowserImport, saveBrowserImport } from './browserStore';
import { importCatalogBytes } from './importBytes';
import { insertAtSelectionGuarded, useOverwriteConfirm } from '../overwrite';
import { useT } from '../i18n';

export interface CatalogPanelProps {
  host: SpreadsheetHost;
  settings: CheckSettings;
  locale: 'zh-CN' | 'en-US';
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '320px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  path: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; lines?: string[] };

/** 科目 tab: search the catalog, insert at the selection, import the Ministry's spreadsheet. */
export function CatalogPanel(props: CatalogPanelProps): React.JSX.Element {
  const { host, settings, locale } = props;
  const s = CATALOG_STRINGS[locale];
  const styles = useStyles();
  const lib = React.useMemo(() => ensureBrowserImportsLoaded(), []);
  const [year, setYear] = React.useState<number>(settings.catalogYear || 2025);
  const [version, setVersion] = React.useState(0);
  const [query, setQuery] = React.useState('');
  const [active, setActive] = React.useState(0);
  const [mode, setMode] = React.useState<InsertMode>('codeName');
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [replace, setReplace] = React.useState(false);
  const [importYearText, setImportYearText] = React.useState(String(settings.catalogYear || 2025));
  const fileRef = React.useRef<HTMLInputElement>(null);
  const { confirm, dialog } = useOverwriteConfirm();
  const { t } = useT();

  React.useEffect(() => setYear(settings.catalogYear || 2025), [settings.catalogYear]);

  const catalog = React.useMemo(() => lib.forYear(year), [lib, year, version]);
  // Build the pinyin index while the officer is still reading the panel, not on the first keystroke.
  React.useEffect(() => {
    const t = setTimeout(() => prepareSearch(catalog), 50);
    return () => clearTimeout(t);
  }, [catalog]);
  const hits: SearchHit[] = React.useMemo(() => (query.trim() ? searchCatalog(catalog, query, { limit: 50 }) : []), [catalog, query]);
  React.useEffect(() => setActive(0), [query, year]);
  const chosen = hits[active];

  const years = React.useMemo(() => {
    const ys = new Set<number>([...lib.years(), year, settings.catalogYear || 2025]);
    return [...ys].sort((a, b) => b - a);
  }, [lib, year, version, settings.catalogYear]);

  async function insert(): Promise<void> {
    if (!chosen) {
      setNotice({ intent: 'warning', text: s.nothingSelected });
      return;
    }
    setBusy(true);
    try {
      const sel = await host.getSelection();
      const plan = buildInsertValues(chosen.entry, mode, sel);
      if (!(await insertAtSelectionGuarded(host, plan.values, confirm))) {
        setNotice({ intent: 'info', text: t('overwrite.cancelled') });
        return;
      }
      const text = plan.values[0].filter((v) => v !== null).join(' ');
      const lines = plan.truncated ? [fill(s.insertedTruncated, { count: plan.values.length })] : undefined;
      setNotice({ intent: 'success', text: fill(s.inserted, { address: sel.address, text }), lines });
    } catch (err) {
      setNotice({ intent: 'error', text: fill(s.insertFailed, { reason: (err as Error).message || String(err) }) });
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && chosen) {
      e.preventDefault();
      void insert();
    }
  }

  async function onFile(e: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const importYear = /^\d{4}$/.test(importYearText.trim()) ? Number(importYearText.trim()) : NaN;
    if (!(importYear >= 2000 && importYear <= 2100)) {
      setNotice({ intent: 'error', text: fill(s.importYearInvalid, { value: importYearText }) });
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const out = await importCatalogBytes(bytes, file.name, importYear, replace, lib);
      if (out.ok) {
        saveBrowserImport(out.imp, lib);
        setVersion((v) => v + 1);
        setYear(importYear);
        setNotice({
          intent: 'success',
          text: fill(s.importDone, { year: importYear, count: out.imp.entries.length, added: out.added, renamed: out.renamed }),
        });
      } else if ('errors' in out) {
        const lines = out.errors.slice(0, 20).map((x) => `${x.sheet} ${x.message}`);
        if (out.errors.length > 20) lines.push(fill(s.more, { count: out.errors.length - 20 }));
        setNotice({ intent: 'error', text: fill(s.importBad, { count: out.errors.length }), lines });
      } else {
        setNotice({ intent: 'error', text: fill(s.importUnreadable, { reason: out.unreadable }) });
      }
    } catch (err) {
      setNotice({ intent: 'error', text: fill(s.importUnreadable, { reason: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  function remove(y: number): void {
    removeBrowserImport(y, lib);
    setVersion((v) => v + 1);
    setNotice({ intent: 'info', text: fill(s.removed, { year: y }) });
  }

  const yearLabel = (y: number): string =>
    fill(lib.importOf(y) ? s.yearImported : BUILTIN_YEARS.includes(y) ? s.yearBuiltin : '{year}', { year: y });
  const listId = 'jiaohe-catalog-results';
  return (
    <div className={styles.stack}>
      {dialog}
      <Field label={s.year}>
        {/* A Dropdown, not a native select: its options exist only while it is open, so "option" means a result. */}
        <Dropdown
          value={yearLabel(year)}
          selectedOptions={[String(year)]}
          onOptionSelect={(_, d) => d.optionValue && setYear(Number(d.optionValue))}
        >
          {years.map((y) => (
            <Option key={y} value={String(y)}>
              {yearLabel(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Input
        aria-label={s.search}
        placeholder={s.searchPlaceholder}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        onKeyDown={onKeyDown}
        aria-controls={listId}
        aria-activedescendant={chosen ? `${listId}-${chosen.entry.code}` : undefined}
      />
      {query.trim() === '' ? (
        <Text className={styles.muted}>{s.hint}</Text>
      ) : hits.length === 0 ? (
        <Text className={styles.muted}>{s.noResults}</Text>
      ) : (
        <div id={listId} role="listbox" aria-label={s.results} className={styles.list}>
          {hits.map((h, i) => (
            <div
              key={h.entry.code}
              id={`${listId}-${h.entry.code}`}
              role="option"
              aria-selected={i === active}
              className={mergeClasses(styles.option, i === active && styles.selected)}
              onClick={() => setActive(i)}
              onDoubleClick={() => {
                setActive(i);
                void insert();
              }}
            >
              <span>
                <span className={styles.code}>{h.entry.code}</span>
                {h.entry.name}
              </span>
              <span className={styles.path}>{h.path}</span>
            </div>
          ))}
        </div>
      )}
      <Field label={s.mode}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as InsertMode)}>
          <Radio value="codeName" label={s.modeCodeName} />
          <Radio value="code" label={s.modeCode} />
          <Radio value="name" label={s.modeName} />
          <Radio value="split" label={s.modeSplit} />
        </RadioGroup>
      </Field>
      <div>
        <Button appearance="primary" disabled={busy || !chosen} onClick={() => void insert()}>
          {s.insert}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.text}
            {notice.lines && (
              <ul className={styles.errors}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text weight="semibold">{s.importTitle}</Text>
      <Field label={s.importYear}>
        <Input inputMode="numeric" value={importYearText} onChange={(_, d) => setImportYearText(d.value)} />
      </Field>
      <Checkbox checked={replace} onChange={(_, d) => setReplace(Boolean(d.checked))} label={s.importReplace} />
      <div>
        {/* A Fluent button with a Chinese label opens the file picker; the native input stays hidden. */}
        <Button disabled={busy} onClick={() => fileRef.current?.click()}>
          {s.importFile}
        </Button>
        <input ref={fileRef} type="file" accept=".xlsx" hidden tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
      </div>
      {lib.importedYears().length > 0 && (
        <div>
          <Text className={styles.muted}>{s.importedYears}</Text>
          {lib.importedYears().map((y) => (
            <Button key={y} size="small" appearance="subtle" onClick={() => remove(y)}>
              {fill(s.removeImport, { year: y })}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
