export const CSP_DIRECTIVES: string[];
export function inlineScriptHashes(html: string): string[];
export function cspDirectives(scriptHashes?: string[]): string[];
export function cspHeader(scriptHashes?: string[]): string;
export function cspMeta(scriptHashes?: string[]): string;
export const CSP_HEADER: string;
export const CSP_META: string;
