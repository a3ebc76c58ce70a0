import { ProblemException } from '@tessera/core';

export const questionnaireNotFound = () =>
  ProblemException.notFound('No questionnaire has this id.', 'questionnaire-not-found');

export const assignmentNotFound = () =>
  ProblemException.notFound(
    'No such questionnaire to answer (or it is not yours).',
    'questionnaire-assignment-not-found',
  );

export const answerFileNotFound = () =>
  ProblemException.notFound('No such file in these answers.', 'answer-file-not-found');
