import { m } from '../../paraglide/messages.js';

export interface MemberColor {
  value: string;
  name: () => string;
}

/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008) without its black,
 * which vanishes on the dark theme, plus the neutral grey the repository gives a member by default.
 */
export const MEMBER_COLORS: readonly MemberColor[] = [
  { value: '#e69f00', name: () => m.str_color_orange() },
  { value: '#56b4e9', name: () => m.str_color_sky() },
  { value: '#009e73', name: () => m.str_color_green() },
  { value: '#f0e442', name: () => m.str_color_yellow() },
  { value: '#0072b2', name: () => m.str_color_blue() },
  { value: '#d55e00', name: () => m.str_color_red() },
  { value: '#cc79a7', name: () => m.str_color_pink() },
  { value: '#607d8b', name: () => m.str_color_grey() },
];

/** The first palette colour no member uses yet, so that a new member stands apart. */
export function unusedColor(taken: readonly string[]): string {
  const used = new Set(taken.map((c) => c.toLowerCase()));
  return (MEMBER_COLORS.find((c) => !used.has(c.value)) ?? MEMBER_COLORS[0]!).value;
}
