import type { RouteLocationRaw } from 'vue-router';
import type { Dashboard, MemberStatus } from '@/api/types';

// Where each figure of the back-office home leads: the list it counts, filtered the same way.

export const membersWithStatus = (status: MemberStatus): RouteLocationRaw => ({
  name: 'office-members',
  query: { status },
});

export const applicationsInReview = (): RouteLocationRaw => ({
  name: 'office-applications',
  query: { status: 'submitted' },
});

export const recentApplications = (dashboard: Dashboard): RouteLocationRaw => ({
  name: 'office-applications',
  query: { submittedFrom: dashboard.applications.since },
});

export const pendingApprovals = (): RouteLocationRaw => ({ name: 'office-approvals' });

/** The renewals page previews a run as of the window's last day. */
export const renewalsDue = (dashboard: Dashboard): RouteLocationRaw => ({
  name: 'office-renewals',
  query: { asOf: dashboard.renewals.to },
});

export const paymentsBetween = (from: string, to: string): RouteLocationRaw => ({
  name: 'office-payments',
  query: { paidFrom: from, paidTo: to },
});

/** Invoices only: the list's "amount due" total is then this figure. */
export const invoicesDue = (): RouteLocationRaw => ({ name: 'office-invoices', query: { kind: 'invoice' } });
