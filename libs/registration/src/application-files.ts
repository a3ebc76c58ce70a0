import { checkUpload, ProblemException, sanitiseFilename, type FieldErrorDto, type UploadedFile } from '@tessera/core';
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

    const { contentType, extension, size } = checkUpload(file, rule, { field: label, noun: role });
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
      filename: sanitiseFilename(file.filename, extension, role),
      contentType,
      extension,
      bytes: file.bytes,
      width: size?.width ?? null,
      height: size?.height ?? null,
    };
  });
}
