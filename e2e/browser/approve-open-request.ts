import type { Page } from 'playwright-core';

/**
 * Approves the approval request open on `page` at its current level, with an optional comment.
 * The dialog's submit button sits outside the form it names, so a click before the form is
 * mounted does nothing: the comment field is waited for first. Deciding may make members,
 * accounts and PDFs, hence the longer wait for the outcome.
 */
export async function approveOpenRequest(page: Page, comment?: string): Promise<void> {
  await page.getByTestId('approval-approve').click();
  const field = page.getByTestId('approve-comment');
  await field.waitFor();
  if (comment) await field.fill(comment);
  await page.getByTestId('approve-submit').click();
  await page.getByTestId('approval-approve').waitFor({ state: 'detached', timeout: 30_000 });
}
