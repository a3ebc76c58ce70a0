import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig, FileStorage, ProblemException, userIdOf, type Principal } from '@tessera/core';
import { SignedInPerson } from '@tessera/members';
import { formatRanges, holdingsAsOf } from '../share-register-arithmetic';
import type { ShareSubscriptionDto } from '../share-subscriptions/share-subscription.dto';
import type { CreateMyShareSubscriptionDto } from '../share-subscriptions/share-subscription.dto';
import { ShareSubscriptionsService } from '../share-subscriptions/share-subscriptions.service';
import type { MyShareHolderDto, MySharesDto } from './my-shares.dto';
import { MySharesRepository, type MyHolderRow } from './my-shares.repository';

const FAR_FUTURE = '9999-12-31';

export const certificateNotFound = () =>
  ProblemException.notFound('No share certificate of yours has this id.', 'share-certificate-not-found');

/**
 * "My shares" in the portal: what the signed-in person holds themselves and, apart, what each
 * organisation they represent holds; their certificates; buying more for either (the request is
 * approved by staff and its capital release request goes to the organisation's contact). Another
 * person's holder or certificate is a 404, as if it did not exist.
 */
@Injectable()
export class MySharesService {
  constructor(
    private readonly repository: MySharesRepository,
    private readonly subscriptions: ShareSubscriptionsService,
    private readonly signedIn: SignedInPerson,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
  ) {}

  async show(principal: Principal): Promise<MySharesDto> {
    const holders = await this.holdersOf(principal);
    const cooperatorIds = holders.flatMap((h) => (h.cooperatorId ? [h.cooperatorId] : []));
    const memberIds = holders.map((h) => h.memberId);
    const [movements, certificates, releases, requests] = await Promise.all([
      this.repository.movements(cooperatorIds),
      this.repository.certificates(cooperatorIds),
      this.repository.capitalReleases(memberIds),
      this.repository.openRequests(memberIds),
    ]);
    const classes = new Map(movements.map((m) => [m.shareClassId, m]));
    const holdings = holdingsAsOf(movements, FAR_FUTURE);
    const money = (amount: number, currency: string) => ({ amount, currency });
    const dtoOf = (holder: MyHolderRow): MyShareHolderDto => ({
      memberId: holder.memberId,
      kind: holder.kind,
      name: holder.name,
      cooperatorNumber: holder.cooperatorNumber,
      cooperatorState: holder.cooperatorState,
      actsFor: holder.actsFor,
      holdings: holdings
        .filter((h) => h.holderId === holder.cooperatorId && h.quantity > 0)
        .map((h) => {
          const shareClass = classes.get(h.shareClassId)!;
          return {
            shareClass: { id: h.shareClassId, code: shareClass.code, name: shareClass.className },
            quantity: h.quantity,
            shareNumbers: formatRanges(h.ranges),
            capital: money(h.capital, shareClass.currency),
          };
        }),
      certificates: certificates
        .filter((c) => c.cooperatorId === holder.cooperatorId)
        .map((c) => ({
          id: c.id,
          shareClass: { id: c.shareClassId, code: c.code, name: c.className },
          quantity: c.quantity,
          shareNumbers: formatRanges([{ first: c.first, last: c.last }]),
          date: c.date,
        })),
      capitalReleaseRequests: releases
        .filter((r) => r.memberId === holder.memberId)
        .map((r) => ({
          id: r.id,
          number: r.number,
          state: r.state,
          amount: money(r.gross, r.currency),
          amountDue: money(r.state === 'paid' || r.state === 'void' ? 0 : r.gross - r.allocated, r.currency),
          paymentReference: r.paymentReference,
          dueDate: r.dueDate,
        })),
      requests: requests
        .filter((r) => r.memberId === holder.memberId)
        .map((r) => ({
          id: r.id,
          reference: r.reference,
          state: r.state,
          shareClass: { id: r.shareClassId, code: r.code, name: r.className },
          quantity: r.quantity,
          amount: money(r.quantity * r.unitPrice, r.currency),
          createdAt: r.createdAt,
        })),
    });
    const own = holders.find((h) => h.own);
    return {
      own: own ? dtoOf(own) : null,
      organisations: holders.filter((h) => !h.own).map(dtoOf),
      onlinePayment: this.config.stripeEnabled,
    };
  }

  /** "Buy more": for their own record, or (holderId) an organisation they represent. */
  async subscribe(principal: Principal, dto: CreateMyShareSubscriptionDto): Promise<ShareSubscriptionDto> {
    const holders = await this.holdersOf(principal);
    const { holderId, ...fields } = dto;
    const holder = holderId ? holders.find((h) => h.memberId === holderId) : holders.find((h) => h.own);
    if (!holder)
      throw holderId
        ? ProblemException.validation([{ field: 'holderId', message: 'is not you or an organisation you represent' }])
        : ProblemException.notFound(
            'You have no member record to hold shares; use the public share form.',
            'not-a-member',
          );
    return this.subscriptions.submitFor(holder.memberId, fields, userIdOf(principal));
  }

  async openCertificate(
    principal: Principal,
    id: string,
  ): Promise<{ stream: Readable; sha256: string; filename: string }> {
    const holders = await this.holdersOf(principal);
    const cooperatorIds = holders.flatMap((h) => (h.cooperatorId ? [h.cooperatorId] : []));
    const file = await this.repository.certificateFile(id, cooperatorIds);
    if (!file) throw certificateNotFound();
    return {
      stream: this.storage.read(file.key),
      sha256: file.sha256,
      filename: `share-certificate-${file.number ?? 'pending'}-${file.code}-${file.first}.pdf`,
    };
  }

  private holdersOf(principal: Principal): Promise<MyHolderRow[]> {
    return this.repository.holders(this.signedIn.personOf, userIdOf(principal));
  }
}
