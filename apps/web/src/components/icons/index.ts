import { h, type FunctionalComponent, type VNode } from 'vue';
import type { Component } from 'vue';

/**
 * A small set of stroke icons (24×24, currentColor), drawn in the style of Lucide.
 * Decorative by default (aria-hidden); put the meaning in the surrounding text or aria-label.
 */
type Shape = ['path', string] | ['circle', number, number, number] | ['rect', number, number, number, number, number];

function icon(name: string, shapes: Shape[]): FunctionalComponent<{ size?: number | string }> {
  const component: FunctionalComponent<{ size?: number | string }> = (props) => {
    const size = props.size ?? '1em';
    const children: VNode[] = shapes.map((shape) => {
      if (shape[0] === 'path') return h('path', { d: shape[1] });
      if (shape[0] === 'circle') return h('circle', { cx: shape[1], cy: shape[2], r: shape[3] });
      return h('rect', { x: shape[1], y: shape[2], width: shape[3], height: shape[4], rx: shape[5] });
    });
    return h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: '0 0 24 24',
        width: size,
        height: size,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 2,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
        'aria-hidden': 'true',
        focusable: 'false',
        class: 't-icon',
      },
      children,
    );
  };
  component.displayName = `Icon${name}`;
  component.props = ['size'];
  return component;
}

export const IconDashboard = icon('Dashboard', [
  ['rect', 3, 3, 7, 9, 1],
  ['rect', 14, 3, 7, 5, 1],
  ['rect', 14, 12, 7, 9, 1],
  ['rect', 3, 16, 7, 5, 1],
]);
export const IconMail = icon('Mail', [
  ['rect', 2, 4, 20, 16, 2],
  ['path', 'm22 7-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7'],
]);
export const IconUsers = icon('Users', [
  ['path', 'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2'],
  ['circle', 9, 7, 4],
  ['path', 'M22 21v-2a4 4 0 0 0-3-3.87'],
  ['path', 'M16 3.13a4 4 0 0 1 0 7.75'],
]);
export const IconKey = icon('Key', [
  ['circle', 7.5, 15.5, 5.5],
  ['path', 'm21 2-9.6 9.6'],
  ['path', 'm15.5 7.5 3 3L22 7l-3-3'],
]);
export const IconMenu = icon('Menu', [
  ['path', 'M4 6h16'],
  ['path', 'M4 12h16'],
  ['path', 'M4 18h16'],
]);
export const IconLogOut = icon('LogOut', [
  ['path', 'M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4'],
  ['path', 'm16 17 5-5-5-5'],
  ['path', 'M21 12H9'],
]);
export const IconCopy = icon('Copy', [
  ['rect', 8, 8, 14, 14, 2],
  ['path', 'M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2'],
]);
export const IconCheck = icon('Check', [['path', 'M20 6 9 17l-5-5']]);
export const IconRefresh = icon('Refresh', [
  ['path', 'M21 12a9 9 0 1 1-2.64-6.36L21 8'],
  ['path', 'M21 3v5h-5'],
]);
/** A triangle pointing right: start something now. */
export const IconPlay = icon('Play', [['path', 'M6 3v18l15-9Z']]);
/** Two arrows in a loop: something that comes round again (renewals). */
export const IconRepeat = icon('Repeat', [
  ['path', 'm17 2 4 4-4 4'],
  ['path', 'M3 11v-1a4 4 0 0 1 4-4h14'],
  ['path', 'm7 22-4-4 4-4'],
  ['path', 'M21 13v1a4 4 0 0 1-4 4H3'],
]);
/** A calendar with a plus: periods added ahead (pay ahead). */
export const IconCalendarPlus = icon('CalendarPlus', [
  ['rect', 3, 4, 18, 18, 2],
  ['path', 'M16 2v4'],
  ['path', 'M8 2v4'],
  ['path', 'M3 10h18'],
  ['path', 'M12 14v4'],
  ['path', 'M10 16h4'],
]);
export const IconPlus = icon('Plus', [
  ['path', 'M12 5v14'],
  ['path', 'M5 12h14'],
]);
export const IconSearch = icon('Search', [
  ['circle', 11, 11, 8],
  ['path', 'm21 21-4.3-4.3'],
]);
export const IconChevronDown = icon('ChevronDown', [['path', 'm6 9 6 6 6-6']]);
export const IconChevronsLeft = icon('ChevronsLeft', [
  ['path', 'm11 17-5-5 5-5'],
  ['path', 'm18 17-5-5 5-5'],
]);
export const IconArrowRight = icon('ArrowRight', [
  ['path', 'M5 12h14'],
  ['path', 'm12 5 7 7-7 7'],
]);
export const IconArrowLeft = icon('ArrowLeft', [
  ['path', 'M19 12H5'],
  ['path', 'm12 19-7-7 7-7'],
]);
export const IconArrowUp = icon('ArrowUp', [
  ['path', 'M12 19V5'],
  ['path', 'm5 12 7-7 7 7'],
]);
export const IconArrowDown = icon('ArrowDown', [
  ['path', 'M12 5v14'],
  ['path', 'm19 12-7 7-7-7'],
]);
export const IconBook = icon('Book', [['path', 'M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H20v20H6.5a2.5 2.5 0 0 1 0-5H20']]);
export const IconPencil = icon('Pencil', [
  ['path', 'M17 3a2.85 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z'],
  ['path', 'm15 5 4 4'],
]);
export const IconTrash = icon('Trash', [
  ['path', 'M3 6h18'],
  ['path', 'M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6'],
  ['path', 'M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2'],
]);
export const IconAlert = icon('Alert', [
  ['circle', 12, 12, 10],
  ['path', 'M12 8v4'],
  ['path', 'M12 16h.01'],
]);
export const IconInbox = icon('Inbox', [
  ['path', 'M22 12h-6l-2 3h-4l-2-3H2'],
  [
    'path',
    'M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z',
  ],
]);
export const IconShield = icon('Shield', [
  [
    'path',
    'M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z',
  ],
]);
export const IconUser = icon('User', [
  ['path', 'M19 21v-2a4 4 0 0 0-4-4H9a4 4 0 0 0-4 4v2'],
  ['circle', 12, 7, 4],
]);
export const IconLink = icon('Link', [
  ['path', 'M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71'],
  ['path', 'M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71'],
]);

export const IconFileText = icon('FileText', [
  ['path', 'M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z'],
  ['path', 'M14 2v4a2 2 0 0 0 2 2h4'],
  ['path', 'M16 13H8'],
  ['path', 'M16 17H8'],
  ['path', 'M10 9H8'],
]);
export const IconLayers = icon('Layers', [
  [
    'path',
    'm12.83 2.18a2 2 0 0 0-1.66 0L2.6 6.08a1 1 0 0 0 0 1.83l8.58 3.91a2 2 0 0 0 1.66 0l8.58-3.9a1 1 0 0 0 0-1.83Z',
  ],
  ['path', 'm22 17.65-9.17 4.16a2 2 0 0 1-1.66 0L2 17.65'],
  ['path', 'm22 12.65-9.17 4.16a2 2 0 0 1-1.66 0L2 12.65'],
]);
export const IconUpload = icon('Upload', [
  ['path', 'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'],
  ['path', 'm17 8-5-5-5 5'],
  ['path', 'M12 3v12'],
]);
export const IconDownload = icon('Download', [
  ['path', 'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'],
  ['path', 'm7 10 5 5 5-5'],
  ['path', 'M12 15V3'],
]);
export const IconX = icon('X', [
  ['path', 'M18 6 6 18'],
  ['path', 'm6 6 12 12'],
]);
export const IconImage = icon('Image', [
  ['rect', 3, 3, 18, 18, 2],
  ['circle', 9, 9, 2],
  ['path', 'm21 15-3.09-3.09a2 2 0 0 0-2.82 0L6 21'],
]);
export const IconSignature = icon('Signature', [
  ['path', 'm21 17-2.16-1.73a2 2 0 0 0-2.5 0L15 16.5a2 2 0 0 1-2.5 0L11 15.3'],
  ['path', 'M3 21h18'],
  ['path', 'M14.5 4.5a2.12 2.12 0 0 1 3 3L8 17l-4 1 1-4Z'],
]);
export const IconBuilding = icon('Building', [
  ['rect', 4, 2, 16, 20, 2],
  ['path', 'M9 22v-4h6v4'],
  ['path', 'M8 6h.01'],
  ['path', 'M16 6h.01'],
  ['path', 'M12 6h.01'],
  ['path', 'M12 10h.01'],
  ['path', 'M12 14h.01'],
  ['path', 'M16 10h.01'],
  ['path', 'M16 14h.01'],
  ['path', 'M8 10h.01'],
  ['path', 'M8 14h.01'],
]);
export const IconCircleCheck = icon('CircleCheck', [
  ['circle', 12, 12, 10],
  ['path', 'm9 12 2 2 4-4'],
]);
export const IconBan = icon('Ban', [
  ['circle', 12, 12, 10],
  ['path', 'm4.9 4.9 14.2 14.2'],
]);

export const IconIdCard = icon('IdCard', [
  ['rect', 2, 5, 20, 14, 2],
  ['circle', 8, 12, 2],
  ['path', 'M5 16.5c.6-1.2 1.7-2 3-2s2.4.8 3 2'],
  ['path', 'M14 10h5'],
  ['path', 'M14 14h4'],
]);
export const IconReceipt = icon('Receipt', [
  ['path', 'M4 2v20l2-1 2 1 2-1 2 1 2-1 2 1 2-1 2 1V2l-2 1-2-1-2 1-2-1-2 1-2-1-2 1Z'],
  ['path', 'M16 8h-6a2 2 0 1 0 0 4h4a2 2 0 1 1 0 4H8'],
  ['path', 'M12 17.5v-11'],
]);
export const IconPhone = icon('Phone', [
  [
    'path',
    'M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45c.91.34 1.85.57 2.81.7A2 2 0 0 1 22 16.92z',
  ],
]);

/** For naive-ui `icon`/`render*` props that want a render function. */
export function renderIcon(component: Component) {
  return () => h(component);
}
/** A page of lines: an invoice (Lucide's "file-spreadsheet" family, drawn simply). */
export const IconInvoice = icon('Invoice', [
  ['path', 'M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z'],
  ['path', 'M14 2v4a2 2 0 0 0 2 2h4'],
  ['path', 'M8 13h8'],
  ['path', 'M8 17h8'],
  ['path', 'M8 9h2'],
]);
/** A bank (Lucide's "landmark"): bank statements. */
export const IconBank = icon('Bank', [
  ['path', 'M3 22h18'],
  ['path', 'M6 18v-7'],
  ['path', 'M10 18v-7'],
  ['path', 'M14 18v-7'],
  ['path', 'M18 18v-7'],
  ['path', 'm12 2 8 5H4Z'],
]);
export const IconWallet = icon('Wallet', [
  [
    'path',
    'M19 7V4a1 1 0 0 0-1-1H5a2 2 0 0 0 0 4h15a1 1 0 0 1 1 1v4h-3a2 2 0 0 0 0 4h3a1 1 0 0 0 1-1v-2a1 1 0 0 0-1-1',
  ],
  ['path', 'M3 5v14a2 2 0 0 0 2 2h15a1 1 0 0 0 1-1v-4'],
]);

export const IconTrendingUp = icon('TrendingUp', [
  ['path', 'M22 7 13.5 15.5 8.5 10.5 2 17'],
  ['path', 'M16 7h6v6'],
]);

export const IconClipboardList = icon('ClipboardList', [
  ['rect', 8, 2, 8, 4, 1],
  ['path', 'M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2'],
  ['path', 'M12 11h4'],
  ['path', 'M12 16h4'],
  ['path', 'M8 11h.01'],
  ['path', 'M8 16h.01'],
]);
