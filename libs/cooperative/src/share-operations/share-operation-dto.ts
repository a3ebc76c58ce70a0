import type { ShareReimbursementDto } from '../reimbursements/share-reimbursement.dto';
import type { ShareOperationDto } from './share-operation.dto';
import type { ShareOperationRow } from './share-operation.repository';

export function shareOperationDtoOf(
  row: ShareOperationRow,
  reimbursement: ShareReimbursementDto | null,
): ShareOperationDto {
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    holder: row.holder,
    shareClass: row.shareClass,
    quantity: row.quantity,
    unitPrice: money(row.unitPrice),
    toHolder: row.toHolder,
    toPerson: row.toPerson
      ? { firstName: row.toPerson.firstName, lastName: row.toPerson.lastName, email: row.toPerson.email }
      : null,
    toShareClass: row.toShareClass,
    toQuantity: row.toQuantity,
    valueDifference: row.valueDifference === null ? null : money(row.valueDifference),
    note: row.note,
    requestedVia: row.requestedVia,
    requestedByName: row.requestedByName,
    approvalRequestId: row.approvalRequestId,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
    requestedEffectiveOn: row.requestedEffectiveOn,
    effectiveOn: row.effectiveOn,
    movements: row.movements,
    reimbursement,
  };
}
