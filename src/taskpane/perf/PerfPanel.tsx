import * as React from 'react';
import type { SpreadsheetHost } from '../../hosts/host';
import type { CheckSettings } from '../../core/types';

export interface PerfPanelProps {
  host: SpreadsheetHost;
  settings: CheckSettings;
  locale: 'zh-CN' | 'en-US';
}

/** 绩效 tab (placeholder until the performance panel lands). */
export function PerfPanel(_props: PerfPanelProps): React.JSX.Element {
  return <div />;
}
