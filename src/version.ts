/** Set by the bundler from package.json; the fallback is for tests run from source. */
declare const __CONTENT_GATE_VERSION__: string | undefined;

export const VERSION: string =
  typeof __CONTENT_GATE_VERSION__ === 'string' ? __CONTENT_GATE_VERSION__ : '0.0.0-dev';
