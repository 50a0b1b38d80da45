import { Theme, webLightTheme } from '@fluentui/react-components';

/**
 * System fonts only (no web fonts: government intranets are often offline). Segoe UI first so the pane
 * matches Office on Windows, then the CJK system faces of Windows, macOS and Linux (UOS/Kylin).
 */
export const SYSTEM_FONT_STACK =
  '"Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", ' +
  '"Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, sans-serif';

export const jiaoheTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: SYSTEM_FONT_STACK,
};
