import type { Component } from 'vue';
import { IconIdCard, IconInbox, IconInvoice, IconLayers, IconReceipt, IconShield, IconUser } from '@/components/icons';

/** One entry of the portal's navigation: a route by name, its label (a message key) and icon. */
export interface PortalNavItem {
  route: string;
  label: string;
  icon: Component;
  /** Active on the route's children too (e.g. a request's own page under "Requests"). */
  prefix?: boolean;
}

/**
 * The member portal's sections, in order: the top bar on a desktop, the tab bar on a phone. An
 * entry whose route does not exist (yet) is not shown, so a section another part of the app adds
 * appears by registering its route under this name (`portal-requests`: "My requests").
 */
export const PORTAL_NAV: readonly PortalNavItem[] = [
  { route: 'portal-home', label: 'layout.portal.nav.home', icon: IconShield },
  { route: 'portal-invoices', label: 'layout.portal.nav.invoices', icon: IconInvoice },
  { route: 'portal-payments', label: 'layout.portal.nav.payments', icon: IconReceipt },
  { route: 'portal-requests', label: 'layout.portal.nav.requests', icon: IconInbox, prefix: true },
  { route: 'portal-shares', label: 'shareIntake.portal.nav', icon: IconLayers },
  { route: 'portal-card', label: 'layout.portal.nav.card', icon: IconIdCard },
  { route: 'portal-account', label: 'layout.portal.nav.account', icon: IconUser },
];
