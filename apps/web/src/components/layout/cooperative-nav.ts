import type { NavItem } from './nav-item';
import { IconBank, IconFileText, IconIdCard, IconInvoice, IconLayers, IconWallet } from '@/components/icons';

/** The back office's "Co-operative" group (issue 18). */
export const COOPERATIVE_NAV: readonly NavItem[] = [
  { name: 'office-cooperators', label: 'cooperative.nav.cooperators', icon: IconIdCard, testid: 'nav-cooperators' },
  { name: 'office-share-register', label: 'cooperative.nav.register', icon: IconBank, testid: 'nav-share-register' },
  {
    name: 'office-share-subscriptions',
    label: 'cooperative.nav.subscriptions',
    icon: IconFileText,
    testid: 'nav-share-subscriptions',
  },
  {
    name: 'office-capital-release-requests',
    label: 'cooperative.nav.crr',
    icon: IconInvoice,
    testid: 'nav-capital-release-requests',
  },
  {
    name: 'office-share-reimbursements',
    label: 'cooperative.nav.reimbursements',
    icon: IconWallet,
    testid: 'nav-share-reimbursements',
    roles: ['admin', 'finance', 'officer'],
  },
  { name: 'office-share-classes', label: 'cooperative.nav.classes', icon: IconLayers, testid: 'nav-share-classes' },
];
