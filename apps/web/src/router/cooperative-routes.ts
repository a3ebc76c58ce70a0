import type { RouteRecordRaw } from 'vue-router';

const STAFF = ['admin', 'officer', 'approver', 'finance'] as const;

/** The back office's co-operative pages (issue 18), under /office/cooperative. */
export const cooperativeRoutes: RouteRecordRaw[] = [
  {
    path: 'cooperative/cooperators',
    name: 'office-cooperators',
    component: () => import('@/pages/office/cooperative/CooperatorsPage.vue'),
    meta: { title: 'cooperative.titles.cooperators', roles: STAFF },
  },
  {
    path: 'cooperative/cooperators/:id',
    name: 'office-cooperator',
    component: () => import('@/pages/office/cooperative/CooperatorDetailPage.vue'),
    meta: { title: 'cooperative.titles.cooperator', roles: STAFF },
  },
  {
    path: 'cooperative/register',
    name: 'office-share-register',
    component: () => import('@/pages/office/cooperative/ShareRegisterPage.vue'),
    meta: { title: 'cooperative.titles.register', roles: STAFF },
  },
  {
    path: 'cooperative/subscriptions',
    name: 'office-share-subscriptions',
    component: () => import('@/pages/office/cooperative/ShareSubscriptionsPage.vue'),
    meta: { title: 'cooperative.titles.subscriptions', roles: STAFF },
  },
  {
    path: 'cooperative/subscriptions/:id',
    name: 'office-share-subscription',
    component: () => import('@/pages/office/cooperative/ShareSubscriptionDetailPage.vue'),
    meta: { title: 'cooperative.titles.subscription', roles: STAFF },
  },
  {
    path: 'cooperative/capital-release-requests',
    name: 'office-capital-release-requests',
    component: () => import('@/pages/office/cooperative/CapitalReleaseRequestsPage.vue'),
    meta: { title: 'cooperative.titles.crr', roles: STAFF },
  },
  {
    path: 'cooperative/reimbursements',
    name: 'office-share-reimbursements',
    component: () => import('@/pages/office/cooperative/ReimbursementsPage.vue'),
    meta: { title: 'cooperative.titles.reimbursements', roles: STAFF },
  },
  {
    path: 'cooperative/share-classes',
    name: 'office-share-classes',
    component: () => import('@/pages/office/cooperative/ShareClassesPage.vue'),
    meta: { title: 'cooperative.titles.classes', roles: STAFF },
  },
];

/** Detail pages and the list item they highlight in the navigation. */
export const COOPERATIVE_NAV_PARENTS: Record<string, string> = {
  'office-cooperator': 'office-cooperators',
  'office-share-subscription': 'office-share-subscriptions',
};
