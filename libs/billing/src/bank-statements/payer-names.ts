/** Words that say nothing about who paid. */
const FILLERS = new Set(['mr', 'mrs', 'ms', 'mme', 'mlle', 'dhr', 'mevr', 'mw', 'hr', 'fr', 'et', 'en', 'and', 'ou']);

/** Lower case, without accents or punctuation, words of two letters or more, fillers left out. */
function wordsOf(name: string): Set<string> {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return new Set(plain.split(' ').filter((word) => word.length >= 2 && !FILLERS.has(word)));
}

/**
 * payerNameMatches with each name's words worked out once: an import compares a few payers with
 * many documents owing the same amount.
 */
export class PayerNames {
  private readonly words = new Map<string, Set<string>>();

  matches(payer: string | null, member: string | null): boolean {
    if (!payer || !member) return false;
    return sameParty(this.wordsOf(payer), this.wordsOf(member));
  }

  private wordsOf(name: string): Set<string> {
    let words = this.words.get(name);
    if (!words) this.words.set(name, (words = wordsOf(name)));
    return words;
  }
}

/**
 * Whether the payer's name, as the bank wrote it, names the member: the same words in any order
 * ("CURIE MARIE" is Marie Curie), or every word of one in the other when that is at least two
 * words ("Mme Marie Curie-Skłodowska" pays for Marie Curie). One shared surname is not enough.
 * Only suggests: a person confirms.
 */
export function payerNameMatches(payer: string | null, member: string | null): boolean {
  if (!payer || !member) return false;
  return sameParty(wordsOf(payer), wordsOf(member));
}

function sameParty(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const contained = [...small].every((word) => large.has(word));
  return contained && (small.size === large.size || small.size >= 2);
}
