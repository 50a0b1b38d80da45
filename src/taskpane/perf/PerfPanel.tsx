import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SpreadsheetHost } from '../../hosts/host';
import type { CheckSettings } from '../../core/types';
import { FUND_TOPICS, FundTopic, searchLibrary } from '../../core/perf/library';
import type { PerfVariant } from '../../core/perf/types';
import { PERF_STRINGS, fill } from './strings';
import { addLibraryIndicators, generateTemplate, normalizeActive, type PerfNotice } from './actions';
import { useOverwriteConfirm } from '../overwrite';

export interface PerfPanelProps {
  host: SpreadsheetHost;
  settings: CheckSettings;
  locale: 'zh-CN' | 'en-US';
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '260px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** 绩效 tab: standard target sheets, repair of damaged ones, the indicator library. */
export function PerfPanel(props: PerfPanelProps): React.JSX.Element {
  const { host, locale } = props;
  const s = PERF_STRINGS[locale];
  const styles = useStyles();
  const [variant, setVariant] = React.useState<PerfVariant>('project');
  const [year, setYear] = React.useState('');
  const [regions, setRegions] = React.useState('');
  const [weights, setWeights] = React.useState(true);
  const [split, setSplit] = React.useState(true);
  const [prefill, setPrefill] = React.useState(true);
  const [topic, setTopic] = React.useState<FundTopic | ''>('');
  const [query, setQuery] = React.useState('');
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<PerfNotice | null>(null);
  const { confirm, dialog } = useOverwriteConfirm();

  React.useEffect(() => setWeights(variant !== 'regional'), [variant]);
  const hits = React.useMemo(() => searchLibrary(query, topic || undefined), [query, topic]);

  const run = async (work: () => Promise<PerfNotice>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (err) {
      setNotice({ intent: 'error', text: fill(s.failed, { reason: (err as Error)?.message || String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const generate = () => run(() => generateTemplate(host, { variant, year, regions, weights, split, prefill }, s));
  const normalize = () => run(() => normalizeActive(host, split, s));
  const addIndicators = () => run(() => addLibraryIndicators(host, hits.filter((e) => chosen.has(e.id)), s, confirm));

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className={styles.stack}>
      {dialog}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.text}
            {notice.lines && notice.lines.length > 0 && (
              <ul className={styles.lines}>
                {notice.lines.slice(0, 40).map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-label={s.templateTitle}>
        <Text className={styles.heading}>{s.templateTitle}</Text>
        <Text className={styles.muted}>{s.templateIntro}</Text>
        <Field label={s.variant}>
          <RadioGroup value={variant} onChange={(_e, d) => setVariant(d.value as PerfVariant)}>
            <Radio value="project" label={s.project} />
            <Radio value="regional" label={s.regional} />
            <Radio value="department" label={s.department} />
          </RadioGroup>
        </Field>
        <Field label={s.year} hint={s.yearHint}>
          <Input value={year} onChange={(_e, d) => setYear(d.value)} inputMode="numeric" />
        </Field>
        {variant === 'regional' && (
          <Field label={s.regions}>
            <Input value={regions} onChange={(_e, d) => setRegions(d.value)} />
          </Field>
        )}
        <Checkbox checked={weights} onChange={(_e, d) => setWeights(!!d.checked)} label={s.weights} />
        <Checkbox checked={split} onChange={(_e, d) => setSplit(!!d.checked)} label={s.split} />
        <Checkbox checked={prefill} onChange={(_e, d) => setPrefill(!!d.checked)} label={s.prefill} />
        <Button appearance="primary" disabled={busy} onClick={generate}>
          {s.generate}
        </Button>
      </section>

      <section className={styles.section} aria-label={s.normalizeTitle}>
        <Text className={styles.heading}>{s.normalizeTitle}</Text>
        <Text className={styles.muted}>{s.normalizeIntro}</Text>
        <Button disabled={busy} onClick={normalize}>
          {s.normalize}
        </Button>
      </section>

      <section className={styles.section} aria-label={s.libraryTitle}>
        <Text className={styles.heading}>{s.libraryTitle}</Text>
        <Text className={styles.muted}>{s.libraryIntro}</Text>
        <Field label={s.topic}>
          <Select value={topic} onChange={(_e, d) => setTopic(d.value as FundTopic | '')}>
            <option value="">{s.allTopics}</option>
            {(Object.keys(FUND_TOPICS) as FundTopic[]).map((t) => (
              <option key={t} value={t}>
                {FUND_TOPICS[t][locale === 'zh-CN' ? 'zh' : 'en']}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.search}>
          <Input value={query} onChange={(_e, d) => setQuery(d.value)} type="search" />
        </Field>
        <div className={styles.list} role="group" aria-label={s.libraryTitle}>
          {hits.length === 0 && <Text className={styles.muted}>{s.noMatch}</Text>}
          {hits.map((e) => (
            <Checkbox
              key={e.id}
              checked={chosen.has(e.id)}
              onChange={(_ev, d) => toggle(e.id, !!d.checked)}
              label={`${e.name}　${e.value || (e.unit ? `（${e.unit}）` : '')}　·${e.level2}`}
            />
          ))}
        </div>
        <Button disabled={busy} onClick={addIndicators}>
          {s.addToSelection}
        </Button>
      </section>
    </div>
  );
}
