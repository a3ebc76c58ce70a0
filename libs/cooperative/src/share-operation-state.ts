/**
 * The life of an operation on shares (redemption, transfer, conversion): `pending` while its
 * approval request is open; then `approved` by the approvers, `refused`, `withdrawn` by the holder
 * or `cancelled` by staff. An approved operation is `executed` when its movements are in the
 * register (in the decision's transaction, so `approved` is only ever seen inside it).
 */
export const SHARE_OPERATION_KINDS = ['redemption', 'transfer', 'conversion'] as const;
export type ShareOperationKind = (typeof SHARE_OPERATION_KINDS)[number];

export const SHARE_OPERATION_STATES = ['pending', 'approved', 'executed', 'refused', 'withdrawn', 'cancelled'] as const;
export type ShareOperationState = (typeof SHARE_OPERATION_STATES)[number];

const ALLOWED: Record<ShareOperationState, readonly ShareOperationState[]> = {
  pending: ['approved', 'refused', 'withdrawn', 'cancelled'],
  approved: ['executed'],
  executed: [],
  refused: [],
  withdrawn: [],
  cancelled: [],
};

export function canMoveOperation(from: ShareOperationState, to: ShareOperationState): boolean {
  return ALLOWED[from].includes(to);
}

const DONE: Record<ShareOperationState, string> = {
  pending: 'This operation is under review',
  approved: 'This operation was approved',
  executed: 'This operation is in the share register',
  refused: 'This operation was refused',
  withdrawn: 'This operation was withdrawn',
  cancelled: 'This operation was cancelled by staff',
};

const VERBS: Record<ShareOperationState, string> = {
  pending: 'reopened',
  approved: 'approved',
  executed: 'entered in the register',
  refused: 'refused',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
};

/** Why an operation cannot move (null when it can): the 409's detail. */
export function operationMoveRefusal(from: ShareOperationState, to: ShareOperationState): string | null {
  if (canMoveOperation(from, to)) return null;
  if (from === to) return `${DONE[from]} already.`;
  return `${DONE[from]}; it cannot be ${VERBS[to]}.`;
}

/** The approval engine's subject type of each kind: each kind has its own default flow. */
export const OPERATION_SUBJECTS = {
  redemption: 'share_redemption',
  transfer: 'share_transfer',
  conversion: 'share_conversion',
} as const satisfies Record<ShareOperationKind, string>;
export type ShareOperationSubject = (typeof OPERATION_SUBJECTS)[ShareOperationKind];

/** Reimbursements of redeemed shares: due until finance pays them. */
export const REIMBURSEMENT_STATES = ['due', 'paid'] as const;
export type ReimbursementState = (typeof REIMBURSEMENT_STATES)[number];

export function reimbursementPayRefusal(state: ReimbursementState, payableFrom: string, paidOn: string): string | null {
  if (state === 'paid') return 'This reimbursement is paid already.';
  if (paidOn < payableFrom)
    return `This reimbursement is payable from ${payableFrom} (the statutory waiting period), not ${paidOn}.`;
  return null;
}
