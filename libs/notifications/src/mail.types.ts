export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Template name → the data it needs. A domain adds a template by adding an entry here and the
 * files `templates/<name>/<locale>.{subject,html,text}.hbs` for every locale.
 */
export interface EmailTemplates {
  'password-reset': { name: string; resetUrl: string; expiresInMinutes: number };
  'staff-invitation': { name: string; activationUrl: string; expiresInDays: number; invitedBy: string };
  'portal-invitation': { name: string; activationUrl: string; expiresInDays: number };
  'application-received': { name: string; reference: string; planName: string };
  'application-approved': {
    name: string;
    reference: string;
    planName: string;
    memberNumber: string;
    /** A portal account was made by this approval (its invitation goes separately). */
    accountInvited: boolean;
  };
  'application-refused': { name: string; reference: string; reason: string };
  'application-cancelled': { name: string; reference: string; reason: string };
  /** To each officer: the outcome of an application (exactly one of the three flags is true). */
  'application-outcome-staff': {
    name: string;
    reference: string;
    applicantName: string;
    approved: boolean;
    refused: boolean;
    cancelled: boolean;
    decidedBy: string;
    reason: string | null;
    memberNumber: string | null;
    url: string;
  };
  /** To each approver when a level opens. `reference` may be ''; `dueDate` is YYYY-MM-DD. */
  'approval-requested': ApprovalEmailData;
  /** To the approver a decision was handed to; `comment` may be ''. */
  'approval-reassigned': ApprovalEmailData & { fromName: string; comment: string };
  /** To a member: a new invoice, pro-forma or credit note, its PDF attached (exactly one kind flag is true). */
  'billing-document-issued': {
    name: string;
    number: string;
    invoice: boolean;
    proForma: boolean;
    creditNote: boolean;
    /** A co-operative's capital release request (the call to pay for shares subscribed). */
    capitalRelease: boolean;
    /** Formatted in the member's language. */
    amount: string;
    dueDate: string | null;
    paymentReference: string | null;
    url: string;
  };
  /** To a share subscription's holder: it is under review. Amounts formatted in their language. */
  'share-subscription-received': {
    name: string;
    reference: string;
    quantity: number;
    className: string;
    classCode: string;
    unitPrice: string;
    amount: string;
  };
  /** To a cooperator: their shares are in the register, the certificate PDF attached. */
  'share-certificate': {
    name: string;
    quantity: number;
    classCode: string;
    shareNumbers: string;
    date: string;
    cooperatorNumber: string;
  };
  /** To a holder: their redemption, transfer or conversion is under review. */
  'share-operation-received': ShareOperationMail;
  /**
   * To a holder: their operation is in the register (executed), or was refused, cancelled or
   * withdrawn. A redemption's reimbursement amount and the day it is payable from.
   */
  'share-operation-outcome': ShareOperationMail & {
    executed: boolean;
    refused: boolean;
    cancelled: boolean;
    withdrawn: boolean;
    shareNumbers: string;
    toShareNumbers: string;
    effectiveOn: string;
    amount: string;
    payableFrom: string;
    reason: string;
  };
  /** To the receiver of a transfer: the shares are theirs, the new certificate attached. */
  'share-transfer-received': {
    name: string;
    fromName: string;
    quantity: number;
    classCode: string;
    shareNumbers: string;
    date: string;
    cooperatorNumber: string;
  };
  /** To a member: the receipt of their payment, its PDF attached. Amounts and date in their language. */
  'payment-receipt': {
    name: string;
    /** The receipt number, REC-2026-000001. */
    number: string;
    amount: string;
    receivedOn: string;
    method: string;
    /** The documents it paid, each with the amount applied. */
    documents: { number: string; amount: string }[];
    /** What is left on their account, or null. */
    credit: string | null;
    url: string;
  };
  /** A renewal declined ("I will not renew") or that decline undone: to the member and to each officer. */
  'renewal-declined': {
    name: string;
    number: string;
    /** The last day of membership, formatted in the reader's language. */
    endsOn: string;
    reason: string | null;
    reopened: boolean;
    /** To an officer (true) or to the member. */
    staff: boolean;
    memberName: string;
    memberNumber: string;
    url: string;
  };
  /** To the new address asked for as sign-in e-mail: the single-use link that makes the change. */
  'email-change-confirm': { name: string; newEmail: string; confirmUrl: string; expiresInHours: number };
  /** To the current sign-in address when a change to `newEmail` is asked for (nothing changes until confirmed). */
  'email-change-requested': { name: string; newEmail: string; expiresInHours: number };
  /** To a member: their plan change or termination request was received (exactly one kind flag is true). */
  'member-request-received': {
    name: string;
    reference: string;
    upgrade: boolean;
    termination: boolean;
    planName: string;
    /** Upgrade: from today (true) or from the next renewal. */
    now: boolean;
    /** Termination: the last day asked for, formatted in the reader's language. */
    endsOn: string;
    url: string;
  };
  /**
   * A member's request decided (approved, refused, cancelled by staff) or withdrawn by the member:
   * to the member and to each officer. Exactly one kind flag and one outcome flag are true.
   */
  'member-request-outcome': {
    name: string;
    reference: string;
    /** To an officer (true) or to the member. */
    staff: boolean;
    memberName: string;
    memberNumber: string;
    upgrade: boolean;
    termination: boolean;
    approved: boolean;
    refused: boolean;
    withdrawn: boolean;
    cancelled: boolean;
    fromPlanName: string;
    planName: string;
    /** Upgrade approved: the first day on the new plan; termination approved: the last day. Formatted. */
    effectiveOn: string;
    endsOn: string;
    /** Upgrade "now" approved: the pro-rata invoice, or ''. */
    invoiceNumber: string;
    invoiceAmount: string;
    /** Who decided (or the member, for a withdrawal). */
    decidedBy: string;
    /** A refusal's or cancellation's reason, or the approver's comment on an approval (shown as such). */
    reason: string | null;
    url: string;
  };
  /** To a member whose paid period ended unpaid: "renew before … to keep your benefits". Dates YYYY-MM-DD. */
  'membership-grace-started': { name: string; periodEnd: string; graceEnd: string; url: string };
  /** To a member whose grace period is over with the renewal still unpaid. Dates YYYY-MM-DD. */
  'membership-suspended': { name: string; periodEnd: string; graceEnd: string; url: string };
  /** Farewell: the membership ended (declined, terminated, ended by staff) or lapsed. `endedOn` YYYY-MM-DD. */
  'membership-ended': { name: string; endedOn: string; lapsed: boolean; url: string };
  /** To the approvers of an overdue level, at most once a day each. */
  'approval-reminder': ApprovalEmailData & { overdueDays: number };
}

/** What every approval e-mail says: whom it is for, what is to be decided, by when, and where. */
export type ApprovalEmailData = {
  name: string;
  title: string;
  reference: string;
  levelName: string;
  dueDate: string;
  url: string;
};

export type TemplateName = keyof EmailTemplates;

/** A file already in FileStorage (an invoice's PDF…), attached to an e-mail when it is delivered. */
export interface EmailAttachment {
  /** The name the recipient sees. */
  filename: string;
  storageKey: string;
  contentType: string;
}

export interface OutgoingEmail<T extends TemplateName> {
  to: string;
  template: T;
  locale: Locale;
  data: EmailTemplates[T];
  /** keys of data that carry secrets (one-time links): kept only until sent, then erased */
  secretKeys?: (keyof EmailTemplates[T])[];
  /** Read from storage at each delivery attempt; a file gone from storage fails the e-mail for good. */
  attachments?: EmailAttachment[];
}

/** What every e-mail about an operation on shares says: which, of what. */
export interface ShareOperationMail {
  name: string;
  reference: string;
  redemption: boolean;
  transfer: boolean;
  conversion: boolean;
  quantity: number;
  classCode: string;
  toName: string;
  toClassCode: string;
  toQuantity: number;
}
