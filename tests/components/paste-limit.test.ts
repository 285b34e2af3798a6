// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pasteOverflow, watchPasteLimits } from '../../src/lib/ui/paste-limit';

function paste(field: HTMLElement, text: string): void {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  field.dispatchEvent(event);
}

afterEach(() => document.body.replaceChildren());

describe('a paste cut by a field limit', () => {
  it('says "cut" for a pasted name of 100,000 characters into an 80-character field', () => {
    const input = document.createElement('input');
    input.maxLength = 80;
    document.body.append(input);
    const notify = vi.fn();
    const stop = watchPasteLimits(document, notify);
    paste(input, 'x'.repeat(100_000));
    expect(notify).toHaveBeenCalledWith(80, input);
    stop();
  });

  it('stays quiet when the paste fits, and for fields without a limit', () => {
    const limited = document.createElement('textarea');
    limited.maxLength = 500;
    const free = document.createElement('input');
    document.body.append(limited, free);
    const notify = vi.fn();
    const stop = watchPasteLimits(document, notify);
    paste(limited, 'y'.repeat(500));
    paste(free, 'z'.repeat(10_000));
    expect(notify).not.toHaveBeenCalled();
    stop();
  });

  it('counts what stays around the selection, and line breaks a one-line input drops', () => {
    const field = { value: 'abcdef', maxLength: 8, selectionStart: 2, selectionEnd: 4 };
    // 'ab' + paste + 'ef': room for 4.
    expect(pasteOverflow(field, '1234', true)).toBe(0);
    expect(pasteOverflow(field, '12345', true)).toBe(1);
    expect(pasteOverflow(field, '12\n34', true)).toBe(0);
    expect(pasteOverflow(field, '12\n34', false)).toBe(1);
  });
});
