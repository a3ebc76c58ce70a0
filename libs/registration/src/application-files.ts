import {
  detectFileType,
  imageSize,
  ProblemException,
  problemType,
  type FieldErrorDto,
  type UploadedFile,
} from '@tessera/core';
import { sanitiseFilename } from './file-names';
import type { FileRole, StoredContentType } from './registration.types';

const MiB = 1024 * 1024;

export interface FileRule {
  types: StoredContentType[];
  maxBytes: number;
  maxCount: number;
  /** Inclusive pixel bounds for width and height. */
  pixels?: { min: number; max: number };
}

export const FILE_RULES: Record<FileRole, FileRule> = {
  document: { types: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10 * MiB, maxCount: 10 },
  photo: { types: ['image/jpeg', 'image/png'], maxBytes: 5 * MiB, maxCount: 1, pixels: { min: 100, max: 8000 } },
  signature: { types: ['image/png'], maxBytes: 1 * MiB, maxCount: 1 },
};

/** Multipart file field → role. */
export const FILE_FIELDS: Record<string, FileRole> = { documents: 'document', photo: 'photo', signature: 'signature' };

const TYPE_NAMES: Record<StoredContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export interface AcceptedFile {
  role: FileRole;
  position: number;
  filename: string;
  contentType: StoredContentType;
  extension: string;
  bytes: Buffer;
  width: number | null;
  height: number | null;
}

/** Structure problems: unknown file fields and too many files of a role (400 field errors). */
export function fileCountErrors(files: UploadedFile[]): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  for (const field of new Set(files.map((file) => file.field))) {
    const role = FILE_FIELDS[field];
    const count = files.filter((file) => file.field === field).length;
    if (!role) errors.push({ field, message: 'is not a file this form accepts (documents, photo, signature)' });
    else if (count > FILE_RULES[role].maxCount)
      errors.push({
        field,
        message:
          FILE_RULES[role].maxCount === 1
            ? `accepts one file, got ${count}`
            : `accepts at most ${FILE_RULES[role].maxCount} files, got ${count}`,
      });
  }
  return errors;
}

/**
 * Checks each file by its bytes (never its name or declared type): wrong type → 415, too large →
 * 413, photo dimensions out of bounds → 400. Returns the files with their detected type and their
 * sanitised names. Call fileCountErrors first.
 */
export function acceptFiles(files: UploadedFile[]): AcceptedFile[] {
  const positions: Partial<Record<FileRole, number>> = {};
  return files.map((file) => {
    const role = FILE_FIELDS[file.field];
    const rule = FILE_RULES[role];
    const position = positions[role] ?? 0;
    positions[role] = position + 1;
    const label = rule.maxCount > 1 ? `${file.field}[${position}]` : file.field;
    const named = `${label} "${file.filename}"`;

    const detected = detectFileType(file.bytes);
    if (!detected || !rule.types.includes(detected.contentType)) {
      const allowed = listOf(rule.types.map((type) => TYPE_NAMES[type]));
      const found = detected ? `it is a ${TYPE_NAMES[detected.contentType]}` : 'its content is not a type we accept';
      throw unsupported(label, `${named} must be a ${allowed} file; ${found} (decided from its content)`);
    }
    if (file.bytes.length > rule.maxBytes)
      throw tooLarge(
        label,
        `${named} is ${megabytes(file.bytes.length)}; a ${role} may be at most ${megabytes(rule.maxBytes)}`,
      );
    const isImage = detected.contentType !== 'application/pdf';
    const size = isImage ? imageSize(file.bytes) : null;
    if (isImage && !size)
      throw unsupported(label, `${named} is not a readable ${TYPE_NAMES[detected.contentType]} image`);
    if (rule.pixels && size) {
      const { min, max } = rule.pixels;
      if ([size.width, size.height].some((pixels) => pixels < min || pixels > max))
        throw ProblemException.validation([
          {
            field: label,
            message: `must be between ${min} and ${max} pixels wide and high; ${named} is ${size.width}×${size.height}`,
          },
        ]);
    }
    return {
      role,
      position,
      filename: sanitiseFilename(file.filename, detected.extension, role),
      contentType: detected.contentType,
      extension: detected.extension,
      bytes: file.bytes,
      width: size?.width ?? null,
      height: size?.height ?? null,
    };
  });
}

function unsupported(field: string, detail: string): ProblemException {
  return new ProblemException({
    type: problemType('unsupported-file-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: `${detail}.`,
    errors: [{ field, message: detail }],
  });
}

function tooLarge(field: string, detail: string): ProblemException {
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
