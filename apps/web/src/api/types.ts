/**
 * The one place the SPA gets its API types from.
 *
 * Types come from the client generated from the API's OpenAPI document (`pnpm openapi`);
 * everything else derives from `paths`.
 */
import type { components, paths } from '@tessera/api-client';

export type { paths };

/** The JSON body of a response object (`responses[status]`). */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a request (`requestBody`). */
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type AuthSession = JsonOf<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type AuthUser = AuthSession['user'];
export type Role = AuthUser['roles'][number];
export type Locale = AuthUser['locale'];
export type Me = JsonOf<paths['/api/v1/me']['get']['responses'][200]>;

export type EmailPage = JsonOf<paths['/api/v1/emails']['get']['responses'][200]>;
export type EmailItem = EmailPage['items'][number];
export type EmailState = EmailItem['state'];

export type StaffUserPage = JsonOf<paths['/api/v1/users']['get']['responses'][200]>;
export type StaffUser = StaffUserPage['items'][number];
export type CreateUserBody = BodyOf<paths['/api/v1/users']['post']>;
export type UpdateUserBody = BodyOf<paths['/api/v1/users/{id}']['patch']>;

export type ApiKey = JsonOf<paths['/api/v1/api-keys']['get']['responses'][200]>['items'][number];
export type CreatedApiKey = JsonOf<paths['/api/v1/api-keys']['post']['responses'][201]>;
export type ApiKeyScope = BodyOf<paths['/api/v1/api-keys']['post']>['scopes'][number];

export type Plan = JsonOf<paths['/api/v1/plans']['get']['responses'][200]>['items'][number];
export type ApplicantKind = Plan['applicantKinds'][number];
export type Money = Plan['price'];
export type PlanPeriod = Plan['period'];
export type CreatePlanBody = BodyOf<paths['/api/v1/plans']['post']>;
export type UpdatePlanBody = BodyOf<paths['/api/v1/plans/{id}']['patch']>;

/** The JSON of the `application` part of POST /applications (multipart). */
export type ApplicationInput = components['schemas']['ApplicationInputDto'];
export type ApplicationCreated = JsonOf<paths['/api/v1/applications']['post']['responses'][201]>;
export type ApplicationPage = JsonOf<paths['/api/v1/applications']['get']['responses'][200]>;
export type ApplicationSummary = ApplicationPage['items'][number];
export type ApplicationStatus = ApplicationSummary['status'];
export type ApplicationSource = ApplicationSummary['source'];
export type ApplicationListQuery = NonNullable<paths['/api/v1/applications']['get']['parameters']['query']>;
export type ApplicationDetail = JsonOf<paths['/api/v1/applications/{id}']['get']['responses'][200]>;
export type ApplicationFile = ApplicationDetail['files'][number];
export type ApplicationEvent = ApplicationDetail['history'][number];
export type Person = NonNullable<ApplicationDetail['person']>;
export type Professional = NonNullable<ApplicationDetail['professional']>;
export type Organisation = NonNullable<ApplicationDetail['organisation']>;
export type Representative = Organisation['representatives'][number];
export type Address = Person['address'];

export type MemberPage = JsonOf<paths['/api/v1/members']['get']['responses'][200]>;
export type MemberListItem = MemberPage['items'][number];
export type MemberListQuery = NonNullable<paths['/api/v1/members']['get']['parameters']['query']>;
export type MemberKind = MemberListItem['kind'];
export type MemberStatus = MemberListItem['status'];
export type MemberSort = NonNullable<NonNullable<paths['/api/v1/members']['get']['parameters']['query']>['sort']>;
export type Dashboard = JsonOf<paths['/api/v1/dashboard']['get']['responses'][200]>;
export type MemberDetail = JsonOf<paths['/api/v1/members/{id}']['get']['responses'][200]>;
export type MemberStatusChange = MemberDetail['statusHistory'][number];
export type MemberSource = MemberDetail['source'];
export type MemberPerson = NonNullable<MemberDetail['person']>;
export type MemberOrganisation = NonNullable<MemberDetail['organisation']>;
export type RepresentedOrganisation = MemberDetail['organisationsRepresented'][number];
export type PostalAddress = NonNullable<MemberPerson['address']>;
export type PortalAccount = MemberListItem['portalAccount'];
export type PortalAccountState = PortalAccount['state'];
/** The membership the portal shows (`/me`'s member: no portal account part). */
export type Membership = NonNullable<Me['member']>;
export type MembershipSummary = Me['memberships'][number];
export type ContactDetailsBody = BodyOf<paths['/api/v1/me/contact-details']['patch']>;

export type OrderPage = JsonOf<paths['/api/v1/orders']['get']['responses'][200]>;
export type Order = OrderPage['items'][number];
export type OrderStatus = Order['status'];
export type OrderLine = Order['lines'][number];
export type CreateOrderBody = BodyOf<paths['/api/v1/orders']['post']>;
export type OrderConfirmation = JsonOf<paths['/api/v1/orders/{id}/confirm']['post']['responses'][200]>;

export type ApprovalPage = JsonOf<paths['/api/v1/approvals']['get']['responses'][200]>;
export type ApprovalSummary = ApprovalPage['items'][number];
export type ApprovalListQuery = NonNullable<paths['/api/v1/approvals']['get']['parameters']['query']>;
export type ApprovalStatus = ApprovalSummary['status'];
export type ApprovalSubjectType = ApprovalSummary['subject']['type'];
export type AssignmentStatus = NonNullable<ApprovalSummary['myAssignment']>;
export type ApprovalCounts = JsonOf<paths['/api/v1/approvals/summary']['get']['responses'][200]>;
export type ApprovalDetail = JsonOf<paths['/api/v1/approvals/{id}']['get']['responses'][200]>;
export type ApprovalLevel = ApprovalDetail['levels'][number];
export type ApprovalLevelStatus = ApprovalLevel['status'];
export type ApprovalAssignee = ApprovalLevel['assignees'][number];
export type ApprovalAttachment = ApprovalDetail['attachments'][number];
export type ApprovalEvent = ApprovalDetail['history'][number];
export type ApprovalEventType = ApprovalEvent['type'];

export type ApprovalFlowPage = JsonOf<paths['/api/v1/approval-flows']['get']['responses'][200]>;
export type ApprovalFlow = ApprovalFlowPage['items'][number];
export type ApprovalFlowLevel = ApprovalFlow['levels'][number];
export type ApprovalPolicy = ApprovalFlowLevel['policy'];
export type CreateApprovalFlowBody = BodyOf<paths['/api/v1/approval-flows']['post']>;
export type UpdateApprovalFlowBody = BodyOf<paths['/api/v1/approval-flows/{id}']['patch']>;
export type ReassignCandidate = JsonOf<
  paths['/api/v1/approvals/{id}/reassign-candidates']['get']['responses'][200]
>[number];
export type ApproverRole = NonNullable<ApprovalFlowLevel['approverRole']>;

export type PublicOrganisation = JsonOf<paths['/api/v1/settings/organisation/public']['get']['responses'][200]>;
export type OrganisationSettings = JsonOf<paths['/api/v1/settings/organisation']['get']['responses'][200]>;
export type ReferenceScheme = OrganisationSettings['referenceScheme'];

export type BillingDocumentPage = JsonOf<paths['/api/v1/invoices']['get']['responses'][200]>;
export type BillingDocumentSummary = BillingDocumentPage['items'][number];
export type BillingDocumentKind = BillingDocumentSummary['kind'];
export type BillingDocumentState = BillingDocumentSummary['state'];
export type CurrencyTotal = BillingDocumentPage['totals'][number];
export type BillingDocument = JsonOf<paths['/api/v1/invoices/{id}']['get']['responses'][200]>;
export type BillingDocumentLine = BillingDocument['lines'][number];
export type RelatedDocument = BillingDocument['related'][number];

export type Subscription = JsonOf<paths['/api/v1/subscriptions/{id}']['get']['responses'][200]>;
export type SubscriptionState = Subscription['state'];
export type SubscriptionEvent = Subscription['history'][number];
export type CreateSubscriptionBody = BodyOf<paths['/api/v1/members/{id}/subscriptions']['post']>;
export type BulkConfirmBody = BodyOf<paths['/api/v1/invoices/confirm']['post']>;
export type BulkConfirmResult = JsonOf<paths['/api/v1/invoices/confirm']['post']['responses'][200]>;
export type BulkConfirmRefusal = BulkConfirmResult['refused'][number];
export type AdvanceProFormasResult = JsonOf<
  paths['/api/v1/subscriptions/{id}/advance-pro-formas']['post']['responses'][200]
>;
export type SubscriptionPeriod = Subscription['currentPeriod'];

export type RenewalRun = JsonOf<paths['/api/v1/renewal-runs/{id}']['get']['responses'][200]>;
export type RenewalRunState = RenewalRun['state'];
export type RenewalRunPage = JsonOf<paths['/api/v1/renewal-runs']['get']['responses'][200]>;
export type RenewalPreview = JsonOf<paths['/api/v1/renewal-runs/preview']['get']['responses'][200]>;
export type RenewalPreviewPlan = RenewalPreview['byPlan'][number];
export type RenewalTotal = RenewalRun['totals'][number];

export type PaymentPage = JsonOf<paths['/api/v1/payments']['get']['responses'][200]>;
export type Payment = PaymentPage['items'][number];
export type PaymentMethod = Payment['method'];
export type PaymentAllocation = Payment['allocations'][number];
export type RecordPaymentBody = BodyOf<paths['/api/v1/payments']['post']>;
export type RecordablePaymentMethod = RecordPaymentBody['method'];
export type MemberBalance = JsonOf<paths['/api/v1/members/{id}/balance']['get']['responses'][200]>;
export type MyBillingDocumentPage = JsonOf<paths['/api/v1/me/invoices']['get']['responses'][200]>;

export type BankStatementPage = JsonOf<paths['/api/v1/bank-statements']['get']['responses'][200]>;
export type BankStatement = BankStatementPage['items'][number];
export type BankStatementFormat = BankStatement['format'];
export type BankStatementLine = JsonOf<paths['/api/v1/bank-statement-lines']['get']['responses'][200]>['items'][number];
export type BankLineState = BankStatementLine['state'];
export type BankLineDocument = NonNullable<BankStatementLine['referenceDocument']>;
export type BankLineDecision = BankStatementLine['decisions'][number];
export type ResolveBankLineBody = BodyOf<paths['/api/v1/bank-statement-lines/{id}/resolve']['post']>;
export type CsvMapping = components['schemas']['CsvMappingDto'];
export type CsvColumns = components['schemas']['CsvColumnsDto'];
export type CsvPreset = components['schemas']['CsvPresetDto'];
export type CsvPreview = components['schemas']['CsvPreviewDto'];
export type BankCsvMapping = components['schemas']['BankCsvMappingDto'];
export type HomeSummary = JsonOf<paths['/api/v1/me/membership']['get']['responses'][200]>;
export type MembershipCardState = JsonOf<paths['/api/v1/me/card']['get']['responses'][200]>;
export type CardVerification = JsonOf<paths['/api/v1/verify/{token}']['get']['responses'][200]>;
export type MemberStatusVerdict = JsonOf<paths['/api/v1/members/{id}/status']['get']['responses'][200]>;
export type StatusReason = MemberStatusVerdict['reason'];
export type StatusForecast = JsonOf<paths['/api/v1/status-forecast']['get']['responses'][200]>;
export type StatusForecastMembers = JsonOf<paths['/api/v1/status-forecast/members']['get']['responses'][200]>;
export type StatusForecastMember = StatusForecastMembers['items'][number];
