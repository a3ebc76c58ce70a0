import { createHash } from 'node:crypto';
import type { BankStatement } from './bank-statement.types';

/**
 * The key that says "this transaction was imported before", one per line of the statement. Banks
 * number entries per statement (CAMT `NtryRef` restarts at 1), so a line key alone is not enough:
 * a bank reference (`AcctSvcrRef`, a CSV sequence number) found once in the file names the
 * transaction on its account whatever the statement (a daily and a monthly statement overlap);
 * otherwise the account, the statement id and the line key do. A CSV export without a reference
 * column has content-hash line keys and no statement id, so the same transfer exported twice
 * (overlapping periods) is recognised, and two identical transfers in one file stay two lines.
 */
export function dedupeKeysOf(statement: BankStatement): string[] {
  const account = statement.accountIban ?? '';
  const references = new Map<string, number>();
  for (const line of statement.lines)
    if (line.bankReference) references.set(line.bankReference, (references.get(line.bankReference) ?? 0) + 1);
  return statement.lines.map((line) => {
    const unique = line.bankReference !== null && references.get(line.bankReference) === 1;
    const identity = unique
      ? ['bank', account, line.bankReference]
      : ['line', account, statement.statementId ?? '', line.lineKey];
    return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  });
}
