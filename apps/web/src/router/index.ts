import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { watch } from 'vue';
import { activeLocale, i18n } from '@/i18n';
import { STAFF_ROLES, useAuthStore } from '@/stores/auth';
import './meta';
import { cooperativeRoutes } from './cooperative-routes';

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
        meta: { title: 'layout.titles.dashboard' },
      },
      {
        path: 'approvals',
        name: 'office-approvals',
        component: () => import('@/pages/office/ApprovalsPage.vue'),
        meta: { title: 'layout.titles.approvals' },
      },
      {
        path: 'approvals/:id',
        name: 'office-approval',
        component: () => import('@/pages/office/ApprovalDetailPage.vue'),
        meta: { title: 'layout.titles.approval' },
      },
      {
        path: 'approval-flows',
        name: 'office-approval-flows',
        component: () => import('@/pages/office/ApprovalFlowsPage.vue'),
        meta: { title: 'layout.titles.approvalFlows', roles: ['admin'] },
      },
      {
        path: 'emails',
        name: 'office-emails',
        component: () => import('@/pages/office/EmailsPage.vue'),
        meta: { title: 'layout.titles.emails' },
      },
      {
        path: 'applications',
        name: 'office-applications',
        component: () => import('@/pages/office/ApplicationsPage.vue'),
        meta: { title: 'layout.titles.applications', roles: ['admin', 'officer', 'approver'] },
      },
      {
        path: 'applications/new',
        name: 'office-application-new',
        component: () => import('@/pages/office/NewApplicationPage.vue'),
        meta: { title: 'layout.titles.newApplication', roles: ['admin', 'officer'] },
      },
      {
        path: 'applications/:id',
        name: 'office-application',
        component: () => import('@/pages/office/ApplicationDetailPage.vue'),
        meta: { title: 'layout.titles.application', roles: ['admin', 'officer', 'approver'] },
      },
      {
        path: 'members',
        name: 'office-members',
        component: () => import('@/pages/office/MembersPage.vue'),
        meta: { title: 'layout.titles.members', roles: ['admin', 'officer', 'approver', 'finance'] },
      },
      {
        path: 'members/:id',
        name: 'office-member',
        component: () => import('@/pages/office/MemberDetailPage.vue'),
        meta: { title: 'layout.titles.member', roles: ['admin', 'officer', 'approver', 'finance'] },
      },
      {
        path: 'orders',
        name: 'office-orders',
        component: () => import('@/pages/office/OrdersPage.vue'),
        meta: { title: 'layout.titles.orders', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'orders/:id',
        name: 'office-order',
        component: () => import('@/pages/office/OrderDetailPage.vue'),
        meta: { title: 'layout.titles.order', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'invoices',
        name: 'office-invoices',
        component: () => import('@/pages/office/InvoicesPage.vue'),
        meta: { title: 'layout.titles.invoices', roles: ['admin', 'officer', 'finance', 'approver'] },
      },
      {
        path: 'invoices/:id',
        name: 'office-invoice',
        component: () => import('@/pages/office/InvoiceDetailPage.vue'),
        meta: { title: 'layout.titles.invoice', roles: ['admin', 'officer', 'finance', 'approver'] },
      },
      {
        path: 'renewals',
        name: 'office-renewals',
        component: () => import('@/pages/office/RenewalsPage.vue'),
        meta: { title: 'layout.titles.renewals', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'status-forecast',
        name: 'office-status-forecast',
        component: () => import('@/pages/office/StatusForecastPage.vue'),
        meta: { title: 'layout.titles.statusForecast', roles: ['admin', 'officer', 'approver', 'finance'] },
      },
      {
        path: 'payments',
        name: 'office-payments',
        component: () => import('@/pages/office/PaymentsPage.vue'),
        meta: { title: 'layout.titles.payments', roles: ['admin', 'officer', 'finance'] },
      },
      {
        path: 'bank-statements',
        name: 'office-bank-statements',
        component: () => import('@/pages/office/BankStatementsPage.vue'),
        meta: { title: 'layout.titles.bankStatements', roles: ['admin', 'finance'] },
      },
      {
        path: 'bank-statements/review',
        name: 'office-bank-review',
        component: () => import('@/pages/office/BankReviewPage.vue'),
        meta: { title: 'layout.titles.bankReview', roles: ['admin', 'finance'] },
      },
      {
        path: 'bank-statements/:id',
        name: 'office-bank-statement',
        component: () => import('@/pages/office/BankStatementDetailPage.vue'),
        meta: { title: 'layout.titles.bankStatement', roles: ['admin', 'finance'] },
      },
      {
        path: 'plans',
        name: 'office-plans',
        component: () => import('@/pages/office/PlansPage.vue'),
        meta: { title: 'layout.titles.plans', roles: ['admin'] },
      },
      {
        path: 'questionnaires',
        name: 'office-questionnaires',
        component: () => import('@/pages/office/QuestionnairesPage.vue'),
        meta: { title: 'questionnaireOffice.titles.list', roles: ['admin', 'officer'] },
      },
      {
        path: 'questionnaires/new',
        name: 'office-questionnaire-new',
        component: () => import('@/pages/office/QuestionnaireEditPage.vue'),
        meta: { title: 'questionnaireOffice.titles.new', roles: ['admin', 'officer'] },
      },
      {
        path: 'questionnaires/:id',
        name: 'office-questionnaire',
        component: () => import('@/pages/office/QuestionnaireDetailPage.vue'),
        meta: { title: 'questionnaireOffice.titles.detail', roles: ['admin', 'officer'] },
      },
      {
        path: 'questionnaires/:id/edit',
        name: 'office-questionnaire-edit',
        component: () => import('@/pages/office/QuestionnaireEditPage.vue'),
        meta: { title: 'questionnaireOffice.titles.edit', roles: ['admin', 'officer'] },
      },
      {
        path: 'settings',
        name: 'office-settings',
        component: () => import('@/pages/office/SettingsPage.vue'),
        meta: { title: 'layout.titles.settings', roles: ['admin'] },
      },
      {
        path: 'users',
        name: 'office-users',
        component: () => import('@/pages/office/UsersPage.vue'),
        meta: { title: 'layout.titles.users', roles: ['admin'] },
      },
      {
        path: 'api-keys',
        name: 'office-api-keys',
        component: () => import('@/pages/office/ApiKeysPage.vue'),
        meta: { title: 'layout.titles.apiKeys', roles: ['admin'] },
      },
      ...cooperativeRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'office-not-found',
        component: NotFoundPage,
        meta: { title: 'layout.titles.notFound' },
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
        meta: { title: 'layout.titles.myMembership' },
      },
      {
        path: 'invoices',
        name: 'portal-invoices',
        component: () => import('@/pages/portal/InvoicesPage.vue'),
        meta: { title: 'layout.titles.myInvoices' },
      },
      {
        path: 'payments',
        name: 'portal-payments',
        component: () => import('@/pages/portal/PaymentsPage.vue'),
        meta: { title: 'layout.titles.myPayments' },
      },
      {
        path: 'card',
        name: 'portal-card',
        component: () => import('@/pages/portal/CardPage.vue'),
        meta: { title: 'layout.titles.myCard' },
      },
      {
        path: 'account',
        name: 'portal-account',
        component: () => import('@/pages/portal/AccountPage.vue'),
        meta: { title: 'layout.titles.myAccount' },
      },
      {
        path: 'more',
        name: 'portal-more',
        component: () => import('@/pages/portal/MorePage.vue'),
        meta: { title: 'layout.titles.portalMore' },
      },
      {
        path: 'shares',
        name: 'portal-shares',
        component: () => import('@/pages/portal/MySharesPage.vue'),
        meta: { title: 'shareIntake.portal.title' },
      },
      {
        path: 'requests',
        name: 'portal-requests',
        component: () => import('@/pages/portal/RequestsPage.vue'),
        meta: { title: 'requests.titles.myRequests' },
      },
      {
        path: 'requests/change-plan',
        name: 'portal-requests-change-plan',
        component: () => import('@/pages/portal/ChangePlanPage.vue'),
        meta: { title: 'requests.titles.changePlan' },
      },
      {
        path: 'requests/end-membership',
        name: 'portal-requests-end-membership',
        component: () => import('@/pages/portal/EndMembershipPage.vue'),
        meta: { title: 'requests.titles.endMembership' },
      },
      {
        path: 'questionnaires',
        name: 'portal-questionnaires',
        component: () => import('@/pages/portal/QuestionnairesPage.vue'),
        meta: { title: 'myQuestionnaires.titles.list' },
      },
      {
        path: 'questionnaires/:assignmentId',
        name: 'portal-questionnaires-answer',
        component: () => import('@/pages/portal/QuestionnairePage.vue'),
        meta: { title: 'myQuestionnaires.titles.answer' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'portal-not-found',
        component: NotFoundPage,
        meta: { title: 'layout.titles.notFound' },
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
        meta: { title: 'layout.titles.signIn', guestOnly: true },
      },
      {
        path: 'apply',
        name: 'apply',
        component: () => import('@/pages/public/ApplyPage.vue'),
        meta: { title: 'layout.titles.apply' },
      },
      {
        path: 'shares',
        name: 'shares',
        component: () => import('@/pages/public/SharesPage.vue'),
        meta: { title: 'shareIntake.form.title' },
      },
      {
        path: 'forgot-password',
        name: 'forgot-password',
        component: () => import('@/pages/public/ForgotPasswordPage.vue'),
        meta: { title: 'layout.titles.forgotPassword' },
      },
      {
        path: 'reset-password',
        name: 'reset-password',
        component: () => import('@/pages/public/ResetPasswordPage.vue'),
        meta: { title: 'layout.titles.resetPassword' },
      },
      {
        path: 'activate',
        name: 'activate',
        component: () => import('@/pages/public/ActivatePage.vue'),
        meta: { title: 'layout.titles.activate' },
      },
      {
        path: 'confirm-email',
        name: 'confirm-email',
        component: () => import('@/pages/public/ConfirmEmailPage.vue'),
        meta: { title: 'layout.titles.confirmEmail' },
      },
      {
        path: 'verify/:token',
        name: 'verify-card',
        component: () => import('@/pages/public/VerifyCardPage.vue'),
        meta: { title: 'layout.titles.verifyCard' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: NotFoundPage,
        meta: { title: 'layout.titles.notFound' },
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

function showTitle(): void {
  const key = router.currentRoute.value.meta.title;
  document.title = key ? `${i18n.global.t(key)} · Tessera` : 'Tessera';
}

router.afterEach(showTitle);
// The tab's title follows a language switch too.
watch(activeLocale, showTitle);
