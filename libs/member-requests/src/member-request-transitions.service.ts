import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '@tessera/core';
import type { MemberRequest, MemberRequestOutcome } from './entities/member-request.entity';
import { MemberRequestRepository } from './member-request.repository';
import { requestMoveRefusal, type MemberRequestState } from './member-request-state';

/** Who closed a request: a user (staff or the member) and their name then. */
export interface RequestActor {
  userId: string | null;
  name: string;
}

export const requestNotFound = () =>
  ProblemException.notFound('No request of yours has this id.', 'member-request-not-found');

/** The one place a request's state changes: locked, checked against the state table, recorded. */
@Injectable()
export class MemberRequestTransitionsService {
  constructor(
    private readonly requests: MemberRequestRepository,
    private readonly clock: Clock,
  ) {}

  /** Locks the request for a move to `to`; 404 if unknown, 409 (in words) if its state forbids it. */
  async lockFor(id: string, to: MemberRequestState): Promise<MemberRequest> {
    const request = await this.requests.lockById(id);
    if (!request) throw requestNotFound();
    const refusal = requestMoveRefusal(request.state, to);
    if (refusal) throw ProblemException.conflict(refusal, 'member-request-closed');
    return request;
  }

  /** Closes a request locked by `lockFor`: who, when, why and what it did. */
  async close(
    request: MemberRequest,
    to: Exclude<MemberRequestState, 'pending'>,
    actor: RequestActor,
    note: string | null,
    outcome: MemberRequestOutcome | null = null,
  ): Promise<void> {
    const refusal = requestMoveRefusal(request.state, to);
    if (refusal) throw ProblemException.conflict(refusal, 'member-request-closed');
    request.state = to;
    request.decidedAt = this.clock.now();
    request.decidedBy = actor.userId;
    request.decidedByName = actor.name;
    request.decisionNote = note;
    request.outcome = outcome;
    await this.requests.save(request);
  }
}
