import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '@tessera/core';
import { transitionRefusal, type ApplicationStatus } from './application-state';
import { ApplicationRepository } from './application.repository';
import type { Application } from './entities/application.entity';
import type { ActorKind, ApplicationEventType } from './registration.types';

/** Who changed an application, as its history records it. */
export interface ApplicationActor {
  kind: ActorKind;
  id: string | null;
}

/**
 * The one way an application changes status, in two steps so work can happen in between (the
 * approval outcome makes the member first): `lockFor` locks the row and checks the move with
 * application-state (illegal → 409); `apply` saves the new status and records it in the history.
 */
@Injectable()
export class ApplicationTransitionsService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly clock: Clock,
  ) {}

  async lockFor(id: string, to: ApplicationStatus): Promise<Application> {
    const application = await this.applications.lockById(id);
    if (!application) throw ProblemException.notFound('No application has this id.', 'application-not-found');
    const refusal = transitionRefusal(application.status, to);
    if (refusal) throw ProblemException.conflict(refusal, 'illegal-transition');
    return application;
  }

  async apply(
    application: Application,
    to: ApplicationStatus & ApplicationEventType,
    actor: ApplicationActor,
    reason: string | null,
    changes: Partial<Pick<Application, 'memberId'>> = {},
  ): Promise<Application> {
    const from = application.status;
    const now = this.clock.now();
    Object.assign(application, changes, { status: to, updatedAt: now });
    const saved = await this.applications.save(application);
    await this.applications.addEvent({
      applicationId: saved.id,
      type: to,
      fromStatus: from,
      toStatus: to,
      actorKind: actor.kind,
      actorId: actor.id,
      reason,
      occurredAt: now,
    });
    return saved;
  }
}
