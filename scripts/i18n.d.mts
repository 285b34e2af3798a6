/** The hash of what `root`'s compiled texts depend on (messages, settings, lock file, arguments). */
export function inputsHash(root?: string): string;
/** Whether `root`'s src/paraglide holds the texts compiled from its inputs as they are now. */
export function isCompiled(root?: string): boolean;
