import { createHash } from 'node:crypto';

/**
 * Line keys for one statement. A line the bank gave a reference keeps it (suffixed `~2`, `~3`…
 * if the bank repeats it); a line without one gets a hash of what it says plus how many identical
 * lines came before it, so two identical transfers on one day stay two lines, and importing the
 * same file again yields the same keys.
 */
export class LineKeys {
  private readonly seen = new Map<string, number>();

  key(reference: string | null, content: readonly (string | number | null)[]): string {
    if (reference) return this.unique(`ref:${reference}`, reference);
    const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
    return this.unique(`hash:${digest}`, `h:${digest}`);
  }

  private unique(slot: string, base: string): string {
    const occurrence = (this.seen.get(slot) ?? 0) + 1;
    this.seen.set(slot, occurrence);
    return occurrence === 1 ? base : `${base}~${occurrence}`;
  }
}
