export const CSP_DIRECTIVES: string[];
export const CSP_HEADER: string;
export const CSP_META: string;
