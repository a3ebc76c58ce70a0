import type { PostalAddress } from '@tessera/core';

/** Who a document is addressed to, as billed (a snapshot: later changes do not touch issued documents). */
export interface BillingParty {
  name: string;
  address: PostalAddress | null;
  companyNumber: string | null;
  vatNumber: string | null;
  memberNumber: string | null;
  email: string | null;
}

/** A line to bill: the price before tax, per unit, in minor units. */
export interface LineToBill {
  description: string;
  period?: { start: string; end: string } | null;
  quantity: number;
  unitPrice: number;
  taxRateBps: number;
}

/** What a domain asks billing to issue. */
export interface DocumentToIssue {
  kind: 'invoice' | 'pro-forma' | 'capital-release';
  memberId: string;
  currency: string;
  lines: LineToBill[];
  /** The period the document covers, when it bills one. */
  period?: { start: string; end: string } | null;
  /** What it bills, so a settlement listener recognises its own documents. */
  subject: { type: string; id: string };
  /** The staff user who caused it; null for the system. */
  issuedByUserId?: string | null;
}

/** An issued document, as the domain that asked for it needs to know it. */
export interface IssuedDocument {
  id: string;
  kind: 'invoice' | 'pro-forma' | 'capital-release';
  number: string;
  state: string;
  grossAmount: number;
  paymentReference: string | null;
}

/** An invoice billing a subject's period, and the local date it was paid in full (null while it is not). */
export interface SubjectInvoice {
  number: string;
  subjectId: string;
  periodStart: string;
  periodEnd: string;
  issueDate: string;
  settledOn: string | null;
}
