import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { STAFF_ROLES, useAuthStore } from '@/stores/auth';
import './meta';

const PublicLayout = () => import('@/layouts/PublicLayout.vue');
const OfficeLayout = () => import('@/layouts/OfficeLayout.vue');
const PortalLayout = () => import('@/layouts/PortalLayout.vue');
const NotFoundPage = () => import('@/pages/public/NotFoundPage.vue');

const routes: RouteRecordRaw[] = [
  {
    path: '/office',
    component: OfficeLayout,
    meta: { area: 'office', requiresAuth: true, roles: STAFF_ROLES },
    children: [
      {
        path: '',
        name: 'office-dashboard',
        component: () => import('@/pages/office/DashboardPage.vue'),
        meta: { title: 'Dashboard' },
      },
      {
        path: 'approvals',
        name: 'office-approvals',
        component: () => import('@/pages/office/ApprovalsPage.vue'),
        meta: { title: 'My approvals' },
      },
      {
        path: 'approvals/:id',
        name: 'office-approval',
        component: () => import('@/pages/office/ApprovalDetailPage.vue'),
        meta: { title: 'Approval request' },
      },
      {
        path: 'approval-flows',
        name: 'office-approval-flows',
        component: () => import('@/pages/office/ApprovalFlowsPage.vue'),
        meta: { title: 'Approval flows', roles: ['admin'] },
      },
      {
        path: 'emails',
        name: 'office-emails',
        component: () => import('@/pages/office/EmailsPage.vue'),
        meta: { title: 'E-mails' },
      },
      {
        path: 'applications',
        name: 'office-applications',
        component: () => import('@/pages/office/ApplicationsPage.vue'),
        meta: { title: 'Applications', roles: ['admin', 'officer', 'approver'] },
      },
      {
        path: 'applications/new',
        name: 'office-application-new',
        component: () => import('@/pages/office/NewApplicationPage.vue'),
        meta: { title: 'New application', roles: ['admin', 'officer'] },
      },
      {
        path: 'applications/:id',
        name: 'office-application',
        component: () => import('@/pages/office/ApplicationDetailPage.vue'),
        meta: { title: 'Application', roles: ['admin', 'officer', 'approver'] },
      },
      {
        path: 'members',
        name: 'office-members',
        component: () => import('@/pages/office/MembersPage.vue'),
        meta: { title: 'Members', roles: ['admin', 'officer', 'approver', 'finance'] },
      },
      {
        path: 'members/:id',
        name: 'office-member',
        component: () => import('@/pages/office/MemberDetailPage.vue'),
        meta: { title: 'Member', roles: ['admin', 'officer', 'approver', 'finance'] },
      },
      {
        path: 'orders',
        name: 'office-orders',
        component: () => import('@/pages/office/OrdersPage.vue'),
        meta: { title: 'Orders', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'orders/:id',
        name: 'office-order',
        component: () => import('@/pages/office/OrderDetailPage.vue'),
        meta: { title: 'Order', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'plans',
        name: 'office-plans',
        component: () => import('@/pages/office/PlansPage.vue'),
        meta: { title: 'Plans', roles: ['admin'] },
      },
      {
        path: 'users',
        name: 'office-users',
        component: () => import('@/pages/office/UsersPage.vue'),
        meta: { title: 'Users', roles: ['admin'] },
      },
      {
        path: 'api-keys',
        name: 'office-api-keys',
        component: () => import('@/pages/office/ApiKeysPage.vue'),
        meta: { title: 'API keys', roles: ['admin'] },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'office-not-found',
        component: NotFoundPage,
        meta: { title: 'Page not found' },
      },
    ],
  },
  {
    path: '/portal',
    component: PortalLayout,
    meta: { area: 'portal', requiresAuth: true, roles: ['member'] },
    children: [
      {
        path: '',
        name: 'portal-home',
        component: () => import('@/pages/portal/HomePage.vue'),
        meta: { title: 'My membership' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'portal-not-found',
        component: NotFoundPage,
        meta: { title: 'Page not found' },
      },
    ],
  },
  {
    path: '/',
    component: PublicLayout,
    meta: { area: 'public' },
    children: [
      {
        // "/" has no page of its own: it sends each visitor to their home.
        path: '',
        name: 'root',
        component: NotFoundPage,
        beforeEnter: () => useAuthStore().homePath,
      },
      {
        path: 'sign-in',
        name: 'sign-in',
        component: () => import('@/pages/public/SignInPage.vue'),
        meta: { title: 'Sign in', guestOnly: true },
      },
      {
        path: 'apply',
        name: 'apply',
        component: () => import('@/pages/public/ApplyPage.vue'),
        meta: { title: 'Become a member' },
      },
      {
        path: 'forgot-password',
        name: 'forgot-password',
        component: () => import('@/pages/public/ForgotPasswordPage.vue'),
        meta: { title: 'Forgot password' },
      },
      {
        path: 'reset-password',
        name: 'reset-password',
        component: () => import('@/pages/public/ResetPasswordPage.vue'),
        meta: { title: 'Choose a new password' },
      },
      {
        path: 'activate',
        name: 'activate',
        component: () => import('@/pages/public/ActivatePage.vue'),
        meta: { title: 'Activate your account' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: NotFoundPage,
        meta: { title: 'Page not found' },
      },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior(_to, _from, saved) {
    return saved ?? { top: 0 };
  },
});

/** A `redirect` query value, accepted only when it is a path inside this app. */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in')) return null;
  return value;
}

router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
  const auth = useAuthStore();
  await auth.restore();

  if (to.meta.requiresAuth && !auth.isAuthenticated) {
    return { name: 'sign-in', query: { redirect: to.fullPath } };
  }
  if (to.meta.guestOnly && auth.isAuthenticated) {
    return safeRedirect(to.query.redirect) ?? auth.homePath;
  }
  const roles = to.meta.roles;
  if (roles && !auth.hasRole(...roles)) {
    // Signed in, but this is not their area (a member in /office, an officer on an admin page…).
    return auth.homePath;
  }
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · Tessera` : 'Tessera';
});
