import { m } from '../../paraglide/messages.js';

/** A platform's name; streams that name none are grouped under one label. */
export function platformName(platform: string): string {
  return platform.trim() === '' ? m.pay_no_platform() : platform;
}
