/// <reference types="vite/client" />

// Allow `data-testid` (for Playwright) in typed attribute objects such as naive-ui's `input-props`.
declare module 'vue' {
  interface HTMLAttributes {
    'data-testid'?: string;
  }
}

export {};
