import * as React from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TableSummary, Finding, Severity } from '../../core/types';
import { groupByCause, type CauseGroup } from '../../core/report/review';
import { kindLabel, ruleLabel, severityLabel, useT } from '../i18n';
import { FindingGroup, groupFindings } from './runCheck';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  groupHeading: {
    margin: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    lineHeight: tokens.lineHeightBase200,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    cursor: 'pointer',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  warning: {
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}`,
  },
  hint: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  grow: {
    flexGrow: 1,
    minWidth: 0,
  },
  side: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    flexShrink: 0,
  },
  derived: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalL,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  cause: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
  },
  cell: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    marginRight: tokens.spacingHorizontalXS,
  },
  message: {
    display: 'block',
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
});

export interface FindingsListProps {
  tables: TableSummary[];
  findings: Finding[];
  selected: Finding | null;
  onSelect: (f: Finding) => void;
  onIgnore: (f: Finding) => void;
  /** Hide findings of grade 提示 (differences that can only be rounding). */
  hideHints: boolean;
}

/** Findings grouped by table, then by cause (derived findings folded under theirs); each selects its cell. */
export function FindingsList(props: FindingsListProps): React.JSX.Element | null {
  const styles = useStyles();
  const { t } = useT();
  const shown = props.hideHints ? props.findings.filter((f) => f.severity !== 'hint') : props.findings;
  const groups = groupFindings({ tables: props.tables, findings: shown });
  if (groups.length === 0) return null;
  return (
    <section className={styles.root} aria-label={t('findings.label')}>
      {groups.map((g) => (
        <Group key={g.key} group={g} selected={props.selected} onSelect={props.onSelect} onIgnore={props.onIgnore} />
      ))}
    </section>
  );
}

function groupTitle(g: FindingGroup, t: ReturnType<typeof useT>['t'], locale: ReturnType<typeof useT>['locale']): string {
  if (g.tableIndex === undefined || !g.table) return t('findings.other');
  const index = g.tableIndex + 1;
  const kind = kindLabel(locale, g.table.kind);
  return g.table.title
    ? `${t('findings.table', { index })} · ${g.table.title}（${g.table.range}）· ${kind}`
    : `${t('findings.tableUntitled', { index, range: g.table.range })} · ${kind}`;
}

type ItemProps = Pick<FindingsListProps, 'selected' | 'onSelect' | 'onIgnore'>;

function Group(props: ItemProps & { group: FindingGroup }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const g = props.group;
  const headingId = `jiaohe-findings-${g.key}`;
  const causes = groupByCause(g.findings);
  const item: ItemProps = { selected: props.selected, onSelect: props.onSelect, onIgnore: props.onIgnore };
  return (
    <div>
      <h3 id={headingId} className={styles.groupHeading}>
        {groupTitle(g, t, locale)} — {g.findings.length}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {causes.map((c) => (
          <li key={`${c.cause.sheet}!${c.cause.cell}-${c.cause.rule}`}>
            <CauseItem group={c} {...item} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A cause with its derived findings folded under it (展开/收起). */
function CauseItem(props: ItemProps & { group: CauseGroup }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const [open, setOpen] = React.useState(false);
  const { cause, derived } = props.group;
  const item: ItemProps = { selected: props.selected, onSelect: props.onSelect, onIgnore: props.onIgnore };
  const listId = `jiaohe-derived-${cause.sheet}-${cause.cell}-${cause.rule}`.replace(/[^\w-]/g, '_');
  return (
    <div>
      <FindingItem finding={cause} {...item} />
      {derived.length > 0 && (
        <>
          <Button
            size="small"
            appearance="transparent"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            {t(open ? 'findings.collapse' : 'findings.expand', { cell: cause.cell, count: derived.length })}
          </Button>
          {/* hidden and display:none: the class's display:flex would otherwise win over the hidden attribute. */}
          <ul id={listId} className={styles.derived} hidden={!open} style={open ? undefined : { display: 'none' }}>
            {derived.map((d) => (
              <li key={`${d.sheet}!${d.cell}-${d.rule}`}>
                <FindingItem finding={d} {...item} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', hint: 'informative' };

function FindingItem(props: ItemProps & { finding: Finding }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const f = props.finding;
  const selected = props.selected === f;
  const message = locale === 'en-US' && f.messageEn ? f.messageEn : f.message;
  return (
    <div className={styles.row}>
      <button
        type="button"
        className={mergeClasses(styles.item, styles.grow, f.severity === 'warning' && styles.warning, f.severity === 'hint' && styles.hint, selected && styles.selected)}
        aria-current={selected ? 'true' : undefined}
        data-cell={f.cell}
        data-rule={f.rule}
        data-severity={f.severity}
        title={t('findings.goto', { cell: f.cell })}
        onClick={() => props.onSelect(f)}
      >
        <span className={styles.head}>
          <span className={styles.cell}>{f.cell}</span>
          <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]} size="small">
            {severityLabel(locale, f.severity)}
          </Badge>
          <Badge appearance="outline" color={SEVERITY_COLOR[f.severity]} size="small">
            {ruleLabel(locale, f.rule)}
          </Badge>
          {f.rounding && f.severity !== 'hint' && (
            <Badge appearance="tint" color="informative" size="small">
              {t('findings.rounding')}
            </Badge>
          )}
        </span>
        <span className={styles.message}>{message}</span>
        {f.derivedFrom && <span className={styles.cause}>{t('findings.derivedFrom', { cell: f.derivedFrom })}</span>}
      </button>
      <div className={styles.side}>
        <Button size="small" appearance="subtle" aria-label={t('findings.ignoreLabel', { cell: f.cell })} title={t('findings.ignoreLabel', { cell: f.cell })} onClick={() => props.onIgnore(f)}>
          {t('findings.ignore')}
        </Button>
      </div>
    </div>
  );
}
