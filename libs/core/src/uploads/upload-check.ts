import { ProblemException, problemType } from '../errors/problem';
import { detectFileType, imageSize, type AllowedContentType } from './file-type';
import type { UploadedFile } from './multipart';

const MiB = 1024 * 1024;

/** What one kind of upload may be: its types (judged from the bytes) and its size. */
export interface UploadRule {
  types: readonly AllowedContentType[];
  maxBytes: number;
}

/** How an upload is named in problems: its form field (`documents[0]`) and what it is (`document`). */
export interface UploadLabel {
  field: string;
  noun: string;
}

export interface CheckedUpload {
  contentType: AllowedContentType;
  extension: 'pdf' | 'png' | 'jpg';
  /** Pixels, for images. */
  size: { width: number; height: number } | null;
}

const TYPE_NAMES: Record<AllowedContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/**
 * Checks an uploaded file by its bytes, never its name or declared type: a type outside the rule,
 * or an image whose header cannot be read → 415; more bytes than the rule allows → 413. Both
 * problems name the field and the file.
 */
export function checkUpload(file: UploadedFile, rule: UploadRule, label: UploadLabel): CheckedUpload {
  const named = `${label.field} "${file.filename}"`;
  const detected = detectFileType(file.bytes);
  if (!detected || !rule.types.includes(detected.contentType)) {
    const allowed = listOf(rule.types.map((type) => TYPE_NAMES[type]));
    const found = detected ? `it is a ${TYPE_NAMES[detected.contentType]}` : 'its content is not a type we accept';
    throw unsupportedFile(label.field, `${named} must be a ${allowed} file; ${found} (decided from its content)`);
  }
  if (file.bytes.length > rule.maxBytes)
    throw fileOverLimit(
      label.field,
      `${named} is ${megabytes(file.bytes.length)}; a ${label.noun} may be at most ${megabytes(rule.maxBytes)}`,
    );
  const isImage = detected.contentType !== 'application/pdf';
  const size = isImage ? imageSize(file.bytes) : null;
  if (isImage && !size)
    throw unsupportedFile(label.field, `${named} is not a readable ${TYPE_NAMES[detected.contentType]} image`);
  return { ...detected, size };
}

function unsupportedFile(field: string, detail: string): ProblemException {
  return new ProblemException({
    type: problemType('unsupported-file-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: `${detail}.`,
    errors: [{ field, message: detail }],
  });
}

function fileOverLimit(field: string, detail: string): ProblemException {
  return new ProblemException({
    type: problemType('file-too-large'),
    title: 'Payload too large',
    status: 413,
    detail: `${detail}.`,
    errors: [{ field, message: detail }],
  });
}

function megabytes(bytes: number): string {
  const value = bytes / MiB;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function listOf(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
