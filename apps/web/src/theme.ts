import { dateEnUS, dateFrFR, enUS, frFR, type GlobalThemeOverrides, type NDateLocale, type NLocale } from 'naive-ui';
import type { AppLocale } from '@/i18n/locale';

/**
 * naive-ui theme overrides. Values mirror src/styles/tokens.css (CSS variables cannot be used
 * here because naive-ui derives colours from them in JavaScript).
 */
const primary = { base: '#0f766e', hover: '#138a80', pressed: '#0b5f58' };
const fontSans =
  "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif";
const fontMono =
  "'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: primary.base,
    primaryColorHover: primary.hover,
    primaryColorPressed: primary.pressed,
    primaryColorSuppl: primary.hover,
    infoColor: '#1d4ed8',
    infoColorHover: '#2563eb',
    infoColorPressed: '#1e40af',
    infoColorSuppl: '#2563eb',
    successColor: '#15803d',
    successColorHover: '#16a34a',
    successColorPressed: '#166534',
    successColorSuppl: '#16a34a',
    warningColor: '#b45309',
    warningColorHover: '#d97706',
    warningColorPressed: '#92400e',
    warningColorSuppl: '#d97706',
    errorColor: '#b91c1c',
    errorColorHover: '#dc2626',
    errorColorPressed: '#991b1b',
    errorColorSuppl: '#dc2626',
    textColorBase: '#132322',
    textColor1: '#132322',
    textColor2: '#2b3b39',
    textColor3: '#52625f',
    placeholderColor: '#8a9896',
    bodyColor: '#f4f7f7',
    borderColor: '#d5dfdd',
    dividerColor: '#e1e8e7',
    tableHeaderColor: '#f8fafa',
    hoverColor: 'rgba(15, 118, 110, 0.06)',
    fontFamily: fontSans,
    fontFamilyMono: fontMono,
    fontSize: '14px',
    fontSizeMedium: '14px',
    fontSizeLarge: '15px',
    fontWeightStrong: '600',
    lineHeight: '1.55',
    borderRadius: '8px',
    borderRadiusSmall: '6px',
    heightMedium: '36px',
    heightLarge: '42px',
  },
  Button: {
    fontWeight: '500',
    paddingMedium: '0 16px',
    paddingLarge: '0 20px',
  },
  Card: {
    borderRadius: '12px',
    borderColor: '#e1e8e7',
    paddingMedium: '20px 24px 24px',
    titleFontSizeMedium: '16px',
    titleFontWeight: '600',
  },
  DataTable: {
    thColor: '#f8fafa',
    thTextColor: '#52625f',
    thFontWeight: '600',
    tdColorHover: '#f6faf9',
    borderColor: '#e9efee',
    thPaddingMedium: '10px 16px',
    tdPaddingMedium: '12px 16px',
  },
  Menu: {
    borderRadius: '8px',
    itemHeight: '40px',
    itemColorActive: 'rgba(15, 118, 110, 0.10)',
    itemColorActiveHover: 'rgba(15, 118, 110, 0.14)',
    itemColorActiveCollapsed: 'rgba(15, 118, 110, 0.10)',
    itemTextColorActive: primary.pressed,
    itemTextColorActiveHover: primary.pressed,
    itemIconColorActive: primary.base,
    itemIconColorActiveHover: primary.base,
    itemTextColor: '#2b3b39',
    itemIconColor: '#52625f',
  },
  Form: {
    labelFontWeight: '500',
    labelTextColor: '#2b3b39',
    feedbackFontSizeMedium: '13px',
    feedbackFontSizeLarge: '13px',
    feedbackPadding: '5px 0 8px 2px',
    feedbackHeightMedium: '28px',
    feedbackHeightLarge: '30px',
  },
  Layout: {
    color: '#f4f7f7',
    siderColor: '#ffffff',
    headerColor: '#ffffff',
    siderBorderColor: '#e1e8e7',
    headerBorderColor: '#e1e8e7',
  },
  Tag: {
    borderRadius: '999px',
  },
  Alert: {
    borderRadius: '8px',
  },
  Dialog: {
    borderRadius: '12px',
  },
};

/** naive-ui's own texts in the SPA's language, without its generic "Please Input" placeholders. */
export function naiveLocale(lang: AppLocale): NLocale {
  const base = lang === 'fr' ? frFR : enUS;
  return {
    ...base,
    Input: { ...base.Input, placeholder: '' },
    InputNumber: { ...base.InputNumber, placeholder: '' },
    Select: { ...base.Select, placeholder: lang === 'fr' ? 'Choisir…' : 'Choose…' },
  };
}

export function naiveDateLocale(lang: AppLocale): NDateLocale {
  return lang === 'fr' ? dateFrFR : dateEnUS;
}
