import { readFileSync } from 'node:fs';

/**
 * Fonts for billing PDFs. DejaVu Sans (Debian's fonts-dejavu-core, free licence) covers every
 * European name — Łukasz, Dvořák, Ştefan — so it is embedded (subset) when the system has it; it
 * is read from the file system at run time, never copied into the repository. Without it the PDF
 * falls back to the built-in Helvetica, whose WinAnsi encoding knows only Western European
 * letters: text is then reduced to that set (accents dropped where a letter is missing).
 */
export interface PdfFonts {
  regular: string | Buffer;
  bold: string | Buffer;
  /** Makes text printable in these fonts. */
  printable(text: string): string;
}

const DEJAVU = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

let systemFonts: { regular: Buffer; bold: Buffer } | null | undefined;

/** 'system': DejaVu Sans if installed, else Helvetica; 'standard': always Helvetica. */
export function pdfFonts(choice: 'system' | 'standard' = 'system'): PdfFonts {
  const system = choice === 'system' ? loadSystemFonts() : null;
  if (system) return { ...system, printable: (text) => text.replace(/\u202f/g, '\u00a0') };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', printable: toWinAnsi };
}

function loadSystemFonts(): { regular: Buffer; bold: Buffer } | null {
  if (systemFonts === undefined) {
    try {
      systemFonts = { regular: readFileSync(DEJAVU.regular), bold: readFileSync(DEJAVU.bold) };
    } catch {
      systemFonts = null;
    }
  }
  return systemFonts;
}

/** The characters of Windows-1252 above ASCII that are not Latin-1 (€, dashes, quotes…). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

function isWinAnsi(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(char);
}

/**
 * Intl's French amounts use U+202F (narrow no-break space), absent from WinAnsi: it becomes
 * U+00A0, which still never breaks. Other missing letters lose their accent (ł has none to lose,
 * so it becomes l by hand), and what is still missing becomes "?".
 */
function toWinAnsi(text: string): string {
  return [...text.replace(/\u202f/g, '\u00a0')]
    .map((char) => {
      if (isWinAnsi(char) || char === '\n') return char;
      const stripped = char.normalize('NFD').replace(/\p{M}/gu, '');
      if (stripped && [...stripped].every(isWinAnsi)) return stripped;
      return { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' }[char] ?? '?';
    })
    .join('');
}
