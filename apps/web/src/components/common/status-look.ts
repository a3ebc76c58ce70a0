/** The colours naive-ui's n-tag takes. */
export type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

/** How a domain shows one of its statuses as a tag: the words, the colour, and the test id. */
export interface StatusLook<S extends string> {
  labels: Record<S, string>;
  types: Record<S, TagType>;
  testid: string;
}
