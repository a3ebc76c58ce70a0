import { Injectable } from '@nestjs/common';
import {
  checkUpload,
  Clock,
  FileStorage,
  openDownload,
  sanitiseFilename,
  singleFile,
  TransactionalFileStorage,
  Transactions,
  type FileDownload,
  type MultipartBody,
  type StoredFileFacts,
  type UploadRule,
} from '@tessera/core';
import { memberIdsActedForSql, SignedInPerson } from '@tessera/members';
import type { AnswerFileDto } from '../dto/assignment.dto';
import { MyQuestionnairesService } from '../answers/my-questionnaires.service';
import { answerFileNotFound } from '../questionnaire-problems';

/** As an application's documents: PDF, JPEG or PNG judged from the bytes, at most 10 MB. */
export const ANSWER_FILE_RULE: UploadRule = {
  types: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1024 * 1024,
};

/** Files answering file questions: uploaded by the member before they save or submit. */
@Injectable()
export class AnswerFilesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly files: TransactionalFileStorage,
    private readonly storage: FileStorage,
    private readonly mine: MyQuestionnairesService,
    private readonly signedIn: SignedInPerson,
    private readonly clock: Clock,
  ) {}

  async upload(userId: string, assignmentId: string, body: MultipartBody): Promise<AnswerFileDto> {
    const file = singleFile(body);
    const { contentType, extension } = checkUpload(file, ANSWER_FILE_RULE, { field: 'file', noun: 'file' });
    const filename = sanitiseFilename(file.filename, extension);
    return this.transactions.run(async () => {
      await this.mine.lockOwn(userId, assignmentId, 'upload');
      const stored = await this.files.save(file.bytes, extension);
      const rows = (await this.transactions.manager.query(
        `INSERT INTO questionnaire_files (assignment_id, filename, content_type, size, storage_key, sha256, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [assignmentId, filename, contentType, stored.size, stored.key, stored.sha256, this.clock.now()],
      )) as { id: string }[];
      return { fileId: rows[0].id, filename, contentType, size: stored.size };
    });
  }

  async openForStaff(questionnaireId: string, assignmentId: string, fileId: string): Promise<FileDownload> {
    return this.open(`AND a.questionnaire_id = $3`, [fileId, assignmentId, questionnaireId]);
  }

  async openForMember(userId: string, assignmentId: string, fileId: string): Promise<FileDownload> {
    const own = memberIdsActedForSql(this.signedIn.personOf.sql('$3'));
    return this.open(`AND a.member_id IN ${own}`, [fileId, assignmentId, userId]);
  }

  private async open(condition: string, params: unknown[]): Promise<FileDownload> {
    const rows = (await this.transactions.manager.query(
      `SELECT f.id, f.storage_key AS "storageKey", f.content_type AS "contentType", f.size, f.filename
         FROM questionnaire_files f JOIN questionnaire_assignments a ON a.id = f.assignment_id
        WHERE f.id = $1 AND a.id = $2 ${condition}`,
      params,
    )) as StoredFileFacts[];
    if (!rows[0]) throw answerFileNotFound();
    return openDownload(this.storage, rows[0], 'attachment');
  }
}
