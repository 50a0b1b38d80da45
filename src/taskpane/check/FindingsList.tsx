import * as React from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SheetCheck } from '../../core/engine';
import type { Finding } from '../../core/types';
import { kindLabel, ruleLabel, useT } from '../i18n';
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
  check: SheetCheck;
  selected: Finding | null;
  onSelect: (f: Finding) => void;
}

/** Findings grouped by table; each item is a button that selects its cell. */
export function FindingsList(props: FindingsListProps): React.JSX.Element | null {
  const styles = useStyles();
  const { t } = useT();
  const groups = groupFindings(props.check);
  if (groups.length === 0) return null;
  return (
    <section className={styles.root} aria-label={t('findings.label')}>
      {groups.map((g) => (
        <Group key={g.key} group={g} selected={props.selected} onSelect={props.onSelect} />
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

function Group(props: { group: FindingGroup; selected: Finding | null; onSelect: (f: Finding) => void }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const g = props.group;
  const headingId = `jiaohe-findings-${g.key}`;
  return (
    <div>
      <h3 id={headingId} className={styles.groupHeading}>
        {groupTitle(g, t, locale)} — {g.findings.length}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {g.findings.map((f, i) => (
          <li key={`${f.cell}-${f.rule}-${i}`}>
            <FindingItem finding={f} selected={props.selected === f} onSelect={props.onSelect} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function FindingItem(props: { finding: Finding; selected: boolean; onSelect: (f: Finding) => void }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const f = props.finding;
  const message = locale === 'en-US' && f.messageEn ? f.messageEn : f.message;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, f.severity === 'warning' && styles.warning, props.selected && styles.selected)}
      aria-current={props.selected ? 'true' : undefined}
      data-cell={f.cell}
      data-rule={f.rule}
      title={t('findings.goto', { cell: f.cell })}
      onClick={() => props.onSelect(f)}
    >
      <span className={styles.head}>
        <span className={styles.cell}>{f.cell}</span>
        <Badge appearance="outline" color={f.severity === 'warning' ? 'warning' : 'danger'} size="small">
          {ruleLabel(locale, f.rule)}
        </Badge>
        {f.severity === 'warning' && (
          <Badge appearance="tint" color="warning" size="small">
            {t('findings.warning')}
          </Badge>
        )}
        {f.rounding && (
          <Badge appearance="tint" color="informative" size="small">
            {t('findings.rounding')}
          </Badge>
        )}
      </span>
      <span className={styles.message}>{message}</span>
    </button>
  );
}
