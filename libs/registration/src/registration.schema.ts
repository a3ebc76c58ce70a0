import type { SchemaPart } from '@tessera/core';
import { ApplicationEvent } from './entities/application-event.entity';
import { ApplicationFile } from './entities/application-file.entity';
import { Application } from './entities/application.entity';
import { CreateRegistration1763800000000 } from './migrations/1763800000000-create-registration';
import { LinkRegistrationOutcomes1763850000000 } from './migrations/1763850000000-link-registration-outcomes';
import { ApplicationIntake1763860000000 } from './migrations/1763860000000-application-intake';
import { AutoRegisteredMeansUnasked1764900000000 } from './migrations/1764900000000-auto-registered-means-unasked';
import { IntakeFailures1764900000400 } from './migrations/1764900000400-intake-failures';

/** Its first migration also creates `plans`, which @tessera/plans has owned since (see plans.schema.ts). */
export const registrationSchema: SchemaPart = {
  entities: [Application, ApplicationFile, ApplicationEvent],
  migrations: [
    CreateRegistration1763800000000,
    LinkRegistrationOutcomes1763850000000,
    ApplicationIntake1763860000000,
    AutoRegisteredMeansUnasked1764900000000,
    IntakeFailures1764900000400,
  ],
};
