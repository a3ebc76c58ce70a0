import type { Page } from 'playwright-core';

/** A bank statement as the upload's file input takes it. */
export interface StatementFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const FIGURES = ['lines', 'matched', 'suggested', 'toReview', 'duplicates', 'ignored'] as const;

/** What an import did, as its summary shows it (ImportSummary.vue): each figure's text. */
export type ImportFigures = Record<(typeof FIGURES)[number], string>;

/** On the Bank statements screen: opens the upload dialog. */
export async function openStatementUpload(page: Page): Promise<void> {
  await page.getByTestId('statements-upload').click();
  await page.getByTestId('upload-statement-dialog').waitFor();
}

/**
 * Picks `file` in the open upload dialog, and for a CSV the account among those whose layout is
 * saved. The format follows the file's name: waits until the dialog has chosen it.
 */
export async function pickStatement(page: Page, file: StatementFile, account?: string): Promise<void> {
  const dialog = page.getByTestId('upload-statement-dialog');
  await page.getByTestId('upload-statement-input').setInputFiles(file);
  const format = /\.xml$/i.test(file.name) ? 'camt053' : 'csv';
  await dialog.locator(`[data-testid="upload-format-${format}"].n-radio--checked`).waitFor();
  if (!account) return;
  await page.getByTestId('upload-statement-account').click();
  await page.locator('.n-base-select-option', { hasText: account }).click();
}

/** Waits for the summary of the import just sent, and reads its figures. */
export async function importFigures(page: Page): Promise<ImportFigures> {
  const summary = page.getByTestId('upload-statement-result').getByTestId('import-summary');
  await summary.waitFor({ timeout: 30_000 });
  const figures = {} as ImportFigures;
  for (const figure of FIGURES)
    figures[figure] = ((await summary.getByTestId(`import-${figure}`).textContent()) ?? '').trim();
  return figures;
}
