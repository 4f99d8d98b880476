import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeForm, formatSecondsLeft } from '../../../components/pairing/CodeForm';

afterEach(cleanup);

function draw(props: Partial<Parameters<typeof CodeForm>[0]> = {}) {
  const onPair = vi.fn();
  const onConnect = vi.fn();
  render(<CodeForm busy={false} onPair={onPair} onCancel={() => {}} onConnect={onConnect} {...props} />);
  return { onPair, onConnect, input: screen.getByLabelText('Pairing code') as HTMLInputElement, pair: screen.getByRole('button', { name: 'Pair' }) };
}

describe('the code field', () => {
  it('takes exactly 4 digits: numeric keypad, pattern, and Pair enabled only then', () => {
    const { input, pair, onPair } = draw();
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('pattern')).toBe('[0-9]{4}');
    expect(input.maxLength).toBe(4);
    for (const [typed, shown, enabled] of [
      ['1', '1', false],
      ['12a3', '123', false],
      ['1234', '1234', true],
      ['12345', '1234', true],
      [' 4 2 ', '42', false],
    ] as const) {
      fireEvent.input(input, { target: { value: typed } });
      expect(input.value).toBe(shown);
      expect((pair as HTMLButtonElement).disabled).toBe(!enabled);
    }
    fireEvent.input(input, { target: { value: '0042' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect(onPair).toHaveBeenLastCalledWith('0042');
  });

  it('sends the code on its 4th digit, once, and not while a try is under way', () => {
    const { input, onPair } = draw();
    for (const typed of ['1', '12', '123']) fireEvent.input(input, { target: { value: typed } });
    expect(onPair).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '1234' } });
    expect(onPair).toHaveBeenCalledExactlyOnceWith('1234');
    fireEvent.input(input, { target: { value: '12345' } }); // a 5th key: still the same code, not sent again
    expect(onPair).toHaveBeenCalledOnce();
    cleanup();
    const busy = draw({ busy: true });
    fireEvent.input(busy.input, { target: { value: '5678' } });
    expect(busy.onPair).not.toHaveBeenCalled();
  });

  it('shows the time left to approve while waiting; once lapsed, Connect again instead', () => {
    draw({ approvalSecondsLeft: 125 });
    expect(screen.getByRole('status').textContent).toContain('Approve the request in Anytype.');
    expect(screen.getByRole('status').textContent).toContain('2:05');
    expect(screen.queryByRole('button', { name: 'Connect again' })).toBeNull();
    cleanup();
    const { onConnect } = draw({ approvalSecondsLeft: 0, lapsed: true });
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect again' }));
    expect(onConnect).toHaveBeenCalledOnce();
  });

  it.each([
    [180, '3:00'],
    [61, '1:01'],
    [9, '0:09'],
    [0, '0:00'],
    [-3, '0:00'],
  ])('%i s reads %s', (s, text) => {
    expect(formatSecondsLeft(s)).toBe(text);
  });
});
