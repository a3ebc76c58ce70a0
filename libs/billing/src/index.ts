/** Invoices, pro-formas, credit notes, numbering, payment references and PDFs (product §5–§7). */
export {};
