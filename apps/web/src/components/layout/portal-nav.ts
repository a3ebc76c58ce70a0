import type { Component } from 'vue';
import {
  IconFileText,
  IconIdCard,
  IconInbox,
  IconInvoice,
  IconLayers,
  IconMenu,
  IconReceipt,
  IconShield,
  IconUser,
} from '@/components/icons';

/** One entry of the portal's navigation: a route by name, its label (a message key) and icon. */
export interface PortalNavItem {
  route: string;
  label: string;
  icon: Component;
  /** Active on the route's children too (e.g. a request's own page under "Requests"). */
  prefix?: boolean;
  /** In the phone's tab bar; the other sections are listed under "More" (a phone fits five tabs). */
  tab?: boolean;
}

/**
 * The member portal's sections, in order: the top bar on a desktop; on a phone, the tab bar holds
 * those marked `tab` and a "More" tab (`portal-more`) lists the rest. An
 * entry whose route does not exist (yet) is not shown, so a section another part of the app adds
 * appears by registering its route under this name (`portal-requests`: "My requests").
 */
export const PORTAL_NAV: readonly PortalNavItem[] = [
  { route: 'portal-home', label: 'layout.portal.nav.home', icon: IconShield, tab: true },
  { route: 'portal-invoices', label: 'layout.portal.nav.invoices', icon: IconInvoice, tab: true },
  { route: 'portal-payments', label: 'layout.portal.nav.payments', icon: IconReceipt },
  { route: 'portal-requests', label: 'layout.portal.nav.requests', icon: IconInbox, prefix: true, tab: true },
  { route: 'portal-shares', label: 'shareIntake.portal.nav', icon: IconLayers },
  { route: 'portal-questionnaires', label: 'myQuestionnaires.nav', icon: IconFileText, prefix: true },
  { route: 'portal-card', label: 'layout.portal.nav.card', icon: IconIdCard, tab: true },
  { route: 'portal-account', label: 'layout.portal.nav.account', icon: IconUser },
];

/** The phone's "More" tab: a page listing the sections that are not tabs. */
export const PORTAL_MORE: PortalNavItem = {
  route: 'portal-more',
  label: 'layout.portal.nav.more',
  icon: IconMenu,
};
