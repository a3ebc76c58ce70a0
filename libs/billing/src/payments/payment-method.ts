/** How a payment was made. */
export const PAYMENT_METHODS = ['stripe', 'bank-transfer', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Who recorded it: staff by hand, Stripe's webhook, or a bank statement import. */
export const PAYMENT_SOURCES = ['staff', 'stripe', 'bank'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];
