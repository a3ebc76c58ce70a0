import type { SchemaPart } from '@tessera/core';
import { ApplicationEvent } from './entities/application-event.entity';
import { ApplicationFile } from './entities/application-file.entity';
import { Application } from './entities/application.entity';
import { Plan } from './entities/plan.entity';
import { CreateRegistration1763800000000 } from './migrations/1763800000000-create-registration';

export const registrationSchema: SchemaPart = {
  entities: [Plan, Application, ApplicationFile, ApplicationEvent],
  migrations: [CreateRegistration1763800000000],
};
