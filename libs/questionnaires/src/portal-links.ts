import type { AppConfig } from '@tessera/core';

/** The portal's "My questionnaires" page; an assignment's form is `<this>/<assignmentId>`. */
export function myQuestionnairesUrl(config: AppConfig): string {
  return `${config.PUBLIC_URL.replace(/\/$/, '')}/portal/questionnaires`;
}
