import { copyText } from './copy-text';

describe('copyText (COPY text format)', () => {
  it('separates columns by tabs and rows by newlines', () => {
    expect(
      copyText([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a\t1\nb\t2\n');
  });

  it('writes NULL as \\N, booleans as t/f, bigints and numbers as digits, dates as ISO', () => {
    expect(
      copyText([[null, undefined, true, false, 12n, -3.5, new Date('2026-11-25T10:00:00.000Z')]]),
    ).toBe('\\N\t\\N\tt\tf\t12\t-3.5\t2026-11-25T10:00:00.000Z\n');
  });

  it('escapes backslashes, tabs, newlines and carriage returns so they cannot split a row or a column', () => {
    expect(copyText([['a\\b\tc\nd\re', 'N\\N']])).toBe('a\\\\b\\tc\\nd\\re\tN\\\\N\n');
  });

  it('writes objects and arrays as JSON, escaping the backslashes JSON itself emits', () => {
    expect(copyText([[{ reason: 'say "hi"\n' }, [{ delta: -2 }]]])).toBe(
      '{"reason":"say \\\\"hi\\\\"\\\\n"}\t[{"delta":-2}]\n',
    );
  });

  it('writes an empty string as an empty column, distinct from NULL', () => {
    expect(copyText([['', null]])).toBe('\t\\N\n');
  });

  it('writes nothing for no rows', () => {
    expect(copyText([])).toBe('');
  });
});
