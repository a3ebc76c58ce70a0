/** How e-mail addresses are compared and stored everywhere: trimmed and lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A company registration number as a key: "be 0123.456.789" and "BE0123456789" are the same company. */
export const normaliseRegistrationNumber = (value: string): string => value.toUpperCase().replace(/[^A-Z0-9]/g, '');
