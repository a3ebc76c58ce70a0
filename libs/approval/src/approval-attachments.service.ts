import { Injectable } from '@nestjs/common';
import {
  checkUpload,
  Clock,
  openDownload,
  FileStorage,
  ProblemException,
  sanitiseFilename,
  TransactionalFileStorage,
  Transactions,
  type FieldErrorDto,
  type FileDownload,
  type MultipartBody,
  type Principal,
  type UploadRule,
} from '@tessera/core';
import { ApprovalActorsService } from './approval-actors.service';
import { permissionsOf } from './approval-permissions';
import { ApprovalProgressService } from './approval-progress.service';
import { approvalNotFound } from './approval-queries.service';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalAttachmentDto } from './dto/approval-response.dto';

const MiB = 1024 * 1024;
export const ATTACHMENT_RULE: UploadRule = {
  types: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * MiB,
};
const MAX_COMMENT = 2000;

/** Documents attached to a request by its approvers, officers and admins — also once it is closed. */
@Injectable()
export class ApprovalAttachmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestRepository,
    private readonly progress: ApprovalProgressService,
    private readonly actors: ApprovalActorsService,
    private readonly files: TransactionalFileStorage,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  /** Multipart: one `file` (PDF, JPEG or PNG by its bytes, up to 10 MB) and an optional `comment`. */
  async attach(requestId: string, body: MultipartBody, principal: Principal): Promise<ApprovalAttachmentDto> {
    const { file, comment } = readForm(body);
    const checked = checkUpload(file, ATTACHMENT_RULE, { field: 'file', noun: 'attachment' });
    return this.transactions.run(async () => {
      const caller = await this.actors.callerOf(principal);
      const request = await this.requests.findById(requestId);
      if (!request) throw approvalNotFound();
      const assignments = await this.requests.assignmentsOf(requestId);
      const { canAttach } = permissionsOf({ ...request, caller, assignments, ownerAllowsCancel: false });
      if (!canAttach)
        throw ProblemException.forbidden(
          'Only approvers of this request, officers and administrators may attach documents.',
          'cannot-attach',
        );
      const now = this.clock.now();
      const stored = await this.files.save(file.bytes, checked.extension);
      const attachment = await this.requests.insertAttachment({
        requestId,
        filename: sanitiseFilename(file.filename, checked.extension, 'attachment'),
        contentType: checked.contentType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        comment,
        uploadedBy: caller.userId,
        uploadedByName: caller.name,
        uploadedAt: now,
      });
      await this.progress.record(request, 'attached', caller, now, {
        levelNumber: request.currentLevel,
        comment,
        attachmentId: attachment.id,
      });
      return ApprovalAttachmentDto.from(attachment);
    });
  }

  /** The stored bytes, always served as an attachment under the sanitised name. */
  async open(requestId: string, attachmentId: string): Promise<FileDownload> {
    const attachment = await this.requests.findAttachment(requestId, attachmentId);
    if (!attachment)
      throw ProblemException.notFound('This approval request has no attachment with this id.', 'attachment-not-found');
    return openDownload(this.storage, attachment, 'attachment');
  }
}

/** Exactly one `file` and at most a `comment`; anything else is a 400 naming the part. */
function readForm(body: MultipartBody): { file: MultipartBody['files'][number]; comment: string | null } {
  const errors: FieldErrorDto[] = [
    ...Object.keys(body.fields)
      .filter((field) => field !== 'comment')
      .map((field) => ({ field, message: 'is not a field this form accepts (file, comment)' })),
    ...[...new Set(body.files.map((file) => file.field))]
      .filter((field) => field !== 'file')
      .map((field) => ({ field, message: 'is not a file this form accepts (file)' })),
  ];
  const files = body.files.filter((file) => file.field === 'file');
  if (files.length !== 1) errors.push({ field: 'file', message: files.length ? 'accepts one file' : 'is required' });
  const comment = body.fields.comment?.trim() || null;
  if (comment && comment.length > MAX_COMMENT)
    errors.push({ field: 'comment', message: `must be at most ${MAX_COMMENT} characters` });
  if (errors.length > 0) throw ProblemException.validation(errors);
  return { file: files[0], comment };
}
